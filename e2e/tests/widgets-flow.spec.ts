import type { Page } from '@playwright/test'
import { runAxe } from '../support/runAxe'
import type { FixtureServer } from '../support/server'
import { expect, test } from '../support/test'

// Issue 21: a three-question survey flow shown by the shipped linger.js (its lazy
// linger-survey.js chunk) on a plain page, answered with the keyboard only, each answer sent to
// the endpoint once. Rec (0–10): detractors jump to "why", promoters end; "which": "ads" ends.
const flow = {
  id: 'flow',
  kind: 'survey',
  trigger: { type: 'pageview' },
  questions: [
    {
      id: 'rec',
      type: 'nps',
      question: { en: 'How likely are you to recommend us?', ar: 'ما مدى احتمال أن توصي بنا؟' },
      next: { detractor: 'why', promoter: 'end' },
    },
    {
      id: 'which',
      type: 'single',
      question: { en: 'How did you find us?', ar: 'كيف وجدتنا؟' },
      choices: [
        { id: 'ads', label: { en: 'An ad', ar: 'إعلان' } },
        { id: 'friend', label: { en: 'A friend', ar: 'صديق' } },
      ],
      other: true,
      next: { ads: 'end' },
    },
    { id: 'why', type: 'text', question: { en: 'What went wrong?', ar: 'ما الخطأ؟' }, maxLength: 200 },
  ],
  thanks: { title: { en: 'Thanks for your time!', ar: 'شكرا لوقتك!' } },
}

/** Serves /flow.html: the survey config inline, linger.js from the embed build, events to /collect. */
function servePage(server: FixtureServer, locale: string) {
  const config = { version: 1, site: 'flow-test', endpoint: '/collect', locale, campaigns: [flow] }
  server.route('/flow.html', (_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Flow</title>
<script type="application/json" id="linger-config">${JSON.stringify(config)}</script>
<script async src="/embed-dist/linger.js"></script></head>
<body><main><h1>Shop</h1><p>Nothing to click here.</p></main></body></html>`)
  })
}

async function axeClean(page: Page) {
  const { violations } = await runAxe(page)
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

/** The survey events the endpoint accepted, duplicates included, as [type, question id]. */
async function received(server: FixtureServer, until: string) {
  await server.endpoint.waitFor(() => server.endpoint.acceptedEvents().some((e) => e.type === until), 30_000)
  return server.endpoint
    .acceptedEvents()
    .filter((e) => e.type.startsWith('survey.'))
    .map((e) => [e.type, (e.props as { question?: string }).question ?? ''])
}

test('desktop, keyboard only: a detractor jumps past the second question to the open one, then thanks', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  servePage(server, 'en')
  const chunks: string[] = []
  page.on('request', (r) => r.url().includes('/embed-dist/') && chunks.push(new URL(r.url()).pathname))
  await page.goto(`${server.url}/flow.html`)
  const dialog = page.getByRole('dialog', { name: 'How likely are you to recommend us?' })
  await expect(dialog).toBeVisible()
  expect(chunks).toContain('/embed-dist/linger-survey.js')
  expect(chunks).not.toContain('/embed-dist/linger-widgets.js')
  await axeClean(page)

  // Nothing on the page takes focus, so the first Tab enters the survey's scale.
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('radio', { name: '0', exact: true })).toBeFocused()
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Space')
  const why = page.getByRole('heading', { name: 'What went wrong?' })
  await expect(why).toBeFocused()
  await axeClean(page)
  await page.keyboard.press('Tab')
  await expect(page.getByRole('textbox', { name: 'What went wrong?' })).toBeFocused()
  await page.keyboard.type('Delivery took two weeks')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Send' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Thanks for your time!' })).toBeFocused()
  await axeClean(page)
  await page.keyboard.press('Escape')
  await expect(page.locator('linger-widget')).toHaveCount(0)

  expect(await received(server, 'survey.completed')).toEqual([
    ['survey.answered', 'rec'],
    ['survey.answered', 'why'],
    ['survey.completed', ''],
  ])
  const answers = server.endpoint.uniqueEvents().filter((e) => e.type === 'survey.answered')
  expect(answers.map((e) => e.props)).toEqual([
    { survey: 'nps', question: 'rec', index: 0, score: 3, scale: 10 },
    { survey: 'text', question: 'why', index: 2, comment: 'Delivery took two weeks' },
  ])
  expect(answers.every((e) => e.campaignId === 'flow')).toBe(true)
})

test('phone, Arabic (right to left), keyboard only: a passive answers the second question, whose answer ends the flow', async ({
  browser,
  server,
}) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  })
  const page = await context.newPage()
  servePage(server, 'ar')
  await page.goto(`${server.url}/flow.html`)
  const dialog = page.getByRole('dialog', { name: 'ما مدى احتمال أن توصي بنا؟' })
  await expect(dialog).toBeVisible()
  await expect(page.locator('linger-widget .w')).toHaveAttribute('dir', 'rtl')
  // The card fits the phone's width.
  const box = (await dialog.boundingBox())!
  expect(box.x).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width).toBeLessThanOrEqual(390)
  await axeClean(page)

  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('radio', { name: '0', exact: true })).toBeFocused()
  // Right to left: ArrowLeft moves to the next score.
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowLeft')
  await expect(dialog.getByRole('radio', { name: '7', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'كيف وجدتنا؟' })).toBeFocused()
  await axeClean(page)
  await page.keyboard.press('Tab')
  await expect(page.getByRole('radio', { name: 'إعلان' })).toBeFocused()
  await page.keyboard.press('Space')
  await expect(page.getByRole('radio', { name: 'إعلان' })).toBeChecked()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'التالي' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'شكرا لوقتك!' })).toBeFocused()
  await axeClean(page)

  expect(await received(server, 'survey.completed')).toEqual([
    ['survey.answered', 'rec'],
    ['survey.answered', 'which'],
    ['survey.completed', ''],
  ])
  const answers = server.endpoint.uniqueEvents().filter((e) => e.type === 'survey.answered')
  expect(answers.map((e) => e.props)).toEqual([
    { survey: 'nps', question: 'rec', index: 0, score: 7, scale: 10 },
    { survey: 'single', question: 'which', index: 1, choice: 'ads' },
  ])
  await context.close()
})
