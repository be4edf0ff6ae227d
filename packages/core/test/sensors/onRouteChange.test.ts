import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { onRouteChange } from '../../src/sensors/onRouteChange'

const nativePush = history.pushState
const nativeReplace = history.replaceState
let urls: string[]
let disposers: Array<() => void>
const subscribe = () => disposers.push(onRouteChange((url) => urls.push(url), { window }))

beforeEach(() => {
  urls = []
  disposers = []
  nativeReplace.call(history, null, '', '/start')
})
afterEach(() => {
  for (const d of disposers) d()
  history.pushState = nativePush
  history.replaceState = nativeReplace
})

describe('onRouteChange', () => {
  it('reports pushState and replaceState navigations with the new href', () => {
    subscribe()
    history.pushState({}, '', '/products/1')
    history.replaceState({}, '', '/products/1?tab=reviews')
    expect(urls).toEqual([`${location.origin}/products/1`, `${location.origin}/products/1?tab=reviews`])
  })

  it('stays quiet when the URL did not change (state-only updates)', () => {
    subscribe()
    history.replaceState({ scroll: 10 }, '')
    history.pushState({ modal: true }, '', location.href)
    expect(urls).toEqual([])
  })

  it('reports popstate and hashchange (back/forward, anchors)', () => {
    subscribe()
    // Changes the URL behind our wrapper's back, as the browser does on back/forward.
    nativePush.call(history, null, '', '/back-here')
    window.dispatchEvent(new Event('popstate'))
    nativePush.call(history, null, '', '/back-here#reviews')
    window.dispatchEvent(new Event('hashchange'))
    window.dispatchEvent(new Event('popstate'))
    expect(urls).toEqual([`${location.origin}/back-here`, `${location.origin}/back-here#reviews`])
  })

  it('passes arguments, `this` and the return value through', () => {
    subscribe()
    const result = history.pushState({ id: 7 }, '', '/p')
    expect(result).toBeUndefined()
    expect(history.state).toEqual({ id: 7 })
  })

  it('dispose restores the originals and stops reporting', () => {
    subscribe()
    expect(history.pushState).not.toBe(nativePush)
    disposers.pop()!()
    expect(history.pushState).toBe(nativePush)
    expect(history.replaceState).toBe(nativeReplace)
    history.pushState(null, '', '/after')
    window.dispatchEvent(new Event('popstate'))
    expect(urls).toEqual([])
  })

  it('is chain-safe: a later wrapper keeps working after we dispose', () => {
    subscribe()
    const seen: string[] = []
    const ours = history.pushState
    // Another analytics library wraps after us.
    history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
      seen.push(String(args[2]))
      return ours.apply(this, args)
    }
    const theirs = history.pushState
    disposers.pop()!()
    expect(history.pushState).toBe(theirs)
    history.pushState(null, '', '/still-works')
    expect(seen).toEqual(['/still-works'])
    expect(location.pathname).toBe('/still-works')
    expect(urls).toEqual([])
  })

  it('several subscribers each hear every change', () => {
    subscribe()
    subscribe()
    history.pushState(null, '', '/twice')
    expect(urls).toEqual([`${location.origin}/twice`, `${location.origin}/twice`])
  })
})
