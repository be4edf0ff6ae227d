/**
 * linger-sw.js — the web-push service worker. Host it at the site root (or serve it with
 * `Service-Worker-Allowed: /`), or add it to a worker the site already has with
 * `importScripts('/linger-sw.js')`: it only handles pushes and notifications marked as
 * Linger's, so it never fights the site's own.
 *
 * Clicks and renewed subscriptions become events in the page's IndexedDB queue (one record
 * per event, keyed by its id — the pipeline's contract); the next page of the site that runs
 * linger.js delivers them, and the click itself opens or focuses such a page.
 */
import { openKv } from '@linger/core/page'
import {
  DB_NAME,
  type EventType,
  IDENTITY_KEY,
  type Identity,
  type LingerEvent,
  newEventId,
  QUEUE_STORE,
  USER_KEY,
} from '@linger/core/wire'
import { type LingerPush, notificationFromPush } from './swPayload'

// The worker's global scope, typed by hand: the DOM and WebWorker libs don't mix in one build.
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void
}
interface WindowClient {
  url: string
  focus(): Promise<unknown>
  navigate(url: string): Promise<unknown>
}
interface SwScope {
  lingerSw?: true
  location: Location
  registration: {
    scope: string
    showNotification(title: string, options: Record<string, unknown>): Promise<void>
    pushManager: { subscribe(o: unknown): Promise<{ toJSON(): unknown }> }
  }
  clients: {
    matchAll(o: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClient[]>
    openWindow(url: string): Promise<unknown>
  }
  addEventListener(type: string, listener: (event: never) => void): void
}

const sw = self as unknown as SwScope

async function enqueue(type: EventType, site: string, props: Record<string, unknown>, campaignId?: string) {
  const identity = await openKv(DB_NAME, 'identity').get<Identity>(IDENTITY_KEY)
  const userId = await openKv(DB_NAME, 'identity').get<string>(USER_KEY)
  const event: LingerEvent = {
    id: newEventId(),
    type,
    ts: new Date().toISOString(),
    site,
    // A visitor who cleared storage still clicked: record the click under a fresh id.
    visitorId: identity?.visitorId ?? newEventId(),
    sessionId: identity?.sessionId ?? newEventId(),
    ...(userId && { userId }),
    ...(campaignId && { campaignId }),
    url: String(props.url ?? sw.registration.scope),
    props,
  }
  await openKv(DB_NAME, QUEUE_STORE).set(event.id, event)
}

if (!sw.lingerSw) {
  sw.lingerSw = true

  sw.addEventListener('push', (event: ExtendableEvent & { data?: { json(): unknown } }) => {
    let payload: unknown
    try {
      payload = event.data?.json()
    } catch {
      return
    }
    const shown = notificationFromPush(payload, sw.location.origin)
    if (shown) event.waitUntil(sw.registration.showNotification(shown.title, shown.options))
  })

  sw.addEventListener(
    'notificationclick',
    (event: ExtendableEvent & { notification: { data?: LingerPush; close(): void } }) => {
      const data = event.notification.data
      if (!data?.linger) return
      event.notification.close()
      const url = data.url ?? '/'
      event.waitUntil(
        Promise.all([
          enqueue(
            'push.clicked',
            data.site ?? '',
            { url, ...(data.tag && { tag: data.tag }) },
            data.campaignId,
          ),
          sw.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((open) => {
            const same = open.find((client) => client.url === url)
            return same ? same.focus() : sw.clients.openWindow(url)
          }),
        ]),
      )
    },
  )

  // Firefox fires this when the push service rotates the subscription (Chrome never does; the
  // page re-checks on each visit). Subscribe again with the same key and report the new one.
  sw.addEventListener(
    'pushsubscriptionchange',
    (event: ExtendableEvent & { oldSubscription?: { options?: { applicationServerKey?: unknown } } }) => {
      const key = event.oldSubscription?.options?.applicationServerKey
      if (!key) return
      event.waitUntil(
        sw.registration.pushManager
          .subscribe({ userVisibleOnly: true, applicationServerKey: key })
          .then((sub) => enqueue('push.subscribed', '', { subscription: sub.toJSON(), renewed: true })),
      )
    },
  )
}
