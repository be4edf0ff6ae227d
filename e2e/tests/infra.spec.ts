import { expect, test } from '../support/test'

test('the fixture server serves pages and logs what the endpoint receives', async ({ page, server }) => {
  await page.goto(`${server.url}/blank.html`)
  await expect(page.getByRole('heading', { name: 'Test page' })).toBeVisible()
  await page.evaluate(() =>
    fetch('/collect', { method: 'POST', body: JSON.stringify({ events: [{ id: 'a', type: 'x' }] }) }),
  )
  await server.endpoint.waitFor(() => server.endpoint.uniqueEvents().length === 1)
  expect(server.endpoint.uniqueEvents()[0]).toMatchObject({ id: 'a', type: 'x' })
})
