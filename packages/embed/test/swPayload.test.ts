import { describe, expect, it } from 'vitest'
import { notificationFromPush } from '../src/swPayload'

const origin = 'https://shop.example'

describe('notificationFromPush', () => {
  it("shows Linger's pushes with their text, icon and click URL", () => {
    const shown = notificationFromPush(
      {
        linger: true,
        title: 'Back in stock',
        body: 'The mug is back',
        icon: '/i.png',
        url: '/products/mug',
        site: 's',
        campaignId: 'push-optin',
      },
      origin,
    )
    expect(shown).toEqual({
      title: 'Back in stock',
      options: {
        body: 'The mug is back',
        icon: '/i.png',
        tag: undefined,
        data: {
          linger: true,
          title: 'Back in stock',
          url: 'https://shop.example/products/mug',
          site: 's',
          campaignId: 'push-optin',
        },
      },
    })
  })

  it("leaves other pushes to the site's own worker code", () => {
    expect(notificationFromPush({ title: 'Site news' }, origin)).toBeUndefined()
    expect(notificationFromPush(null, origin)).toBeUndefined()
    expect(notificationFromPush({ linger: true }, origin)).toBeUndefined()
  })

  it('never opens a javascript: or data: URL on click', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', ' JAVASCRIPT:alert(1)']) {
      const shown = notificationFromPush({ linger: true, title: 't', url }, origin)
      expect((shown!.options.data as { url?: string }).url).toBeUndefined()
    }
  })
})
