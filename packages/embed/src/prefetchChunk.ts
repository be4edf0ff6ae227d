import { whenIdle } from '@linger/core/campaigns'

/**
 * Fetches a chunk beside `scriptUrl` once the page has loaded and is idle, before it is needed,
 * so the first widget shows without delay. `modulepreload` fetches and parses; nothing runs
 * until the widget shows. Its own file: only the campaigns chunk prefetches.
 */
export const prefetchChunk = (scriptUrl: string, file: string) =>
  whenIdle(window, () => {
    const link = document.createElement('link')
    link.rel = 'modulepreload'
    link.href = new URL(file, scriptUrl).href
    document.head.append(link)
  })
