import type { Page } from '@playwright/test'
import { expect, test } from '../support/test'
import { samples, type WidgetSpec } from '../support/widgets-samples'

const events = (page: Page) => page.evaluate(() => window.events)

async function openOn(page: Page, url: string, spec: WidgetSpec) {
  await page.goto(`${url}/widgets-harness.html`)
  await page.waitForFunction(() => window.harnessReady)
  await page.locator('#opener').focus()
  await page.evaluate((s) => window.mountCampaign(s), spec)
}

test('NPS by keyboard only: Tab in, arrows move, Space chooses (sent at once), comment, thanks', async ({
  page,
  server,
}) => {
  await openOn(page, server.url, samples.nps!)
  const group = page.getByRole('radiogroup', { name: 'How likely are you to recommend us to a friend?' })
  await expect(group).toBeVisible()
  await expect(page.locator('#opener')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(group.getByRole('radio', { name: '0', exact: true })).toBeFocused()
  await page.keyboard.press('End')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await expect(group.getByRole('radio', { name: '8', exact: true })).toBeFocused()
  expect(await events(page)).toEqual([])
  await page.keyboard.press('Space')
  await expect(group.getByRole('radio', { name: '8', exact: true })).toBeChecked()
  expect(await events(page)).toEqual([
    { type: 'survey.answered', props: { survey: 'nps', score: 8, scale: 10 } },
  ])
  await page.keyboard.press('Tab')
  await expect(page.getByRole('textbox', { name: 'What would make it a 10?' })).toBeFocused()
  await page.keyboard.type('Faster shipping')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.locator('linger-widget')).toHaveCount(0)
  expect(await events(page)).toEqual([
    { type: 'survey.answered', props: { survey: 'nps', score: 8, scale: 10 } },
    { type: 'survey.answered', props: { survey: 'nps', score: 8, scale: 10, comment: 'Faster shipping' } },
    { type: 'close', reason: 'completed' },
  ])
})

test('NPS by mouse: a detractor gets the detractor question; closing before answering dismisses', async ({
  page,
  server,
}) => {
  await openOn(page, server.url, samples.nps!)
  await page.getByRole('radio', { name: '3', exact: true }).click()
  await expect(page.getByRole('textbox', { name: 'What went wrong?' })).toBeVisible()
  await page.getByRole('button', { name: 'Send' }).click()
  await page.getByRole('button', { name: 'Close' }).click()
  expect(await events(page)).toEqual([
    { type: 'survey.answered', props: { survey: 'nps', score: 3, scale: 10 } },
    { type: 'close', reason: 'completed' },
  ])
  await page.evaluate((s) => window.mountCampaign(s), samples.nps!)
  await page.getByRole('button', { name: 'Close' }).click()
  expect((await events(page)).at(-1)).toEqual({ type: 'close', reason: 'dismissed' })
})

test('CSAT stars by mouse, with a comment', async ({ page, server }) => {
  await openOn(page, server.url, samples['csat-stars']!)
  await page.getByRole('radio', { name: '4 of 5' }).click()
  await expect(page.getByRole('radio', { name: '4 of 5' })).toBeChecked()
  await page.getByRole('textbox', { name: 'Comment' }).fill('Smooth')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible()
  expect(await events(page)).toEqual([
    { type: 'survey.answered', props: { survey: 'csat', score: 4, scale: 5 } },
    { type: 'survey.answered', props: { survey: 'csat', score: 4, scale: 5, comment: 'Smooth' } },
  ])
})

test('CSAT faces by keyboard, numbers (7) by mouse', async ({ page, server }) => {
  await openOn(page, server.url, samples['csat-faces']!)
  await page.keyboard.press('Tab')
  await expect(page.getByRole('radio', { name: '1 of 5' })).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeFocused()
  expect(await events(page)).toEqual([
    { type: 'survey.answered', props: { survey: 'csat', score: 3, scale: 5 } },
  ])
  await page.evaluate((s) => window.mountCampaign(s), samples['csat-numbers']!)
  await expect(page.getByRole('radio')).toHaveCount(7)
  await page.getByRole('radio', { name: '7', exact: true }).click()
  expect((await events(page)).at(-1)).toEqual({
    type: 'survey.answered',
    props: { survey: 'csat', score: 7, scale: 7 },
  })
})
