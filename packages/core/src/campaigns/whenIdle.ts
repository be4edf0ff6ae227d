/**
 * Runs `job` once the page has loaded and the main thread is idle (or `timeout` ms after `load`
 * at the latest), for work no visitor waits on: a prefetch, the push resync. Before `load` it
 * would compete with the page's own scripts and count in its boot-up time.
 */
export function whenIdle(win: Window, job: () => void, timeout = 3000): void {
  const idle = () =>
    win.requestIdleCallback ? win.requestIdleCallback(job, { timeout }) : win.setTimeout(job, 1)
  if (win.document.readyState === 'complete') idle()
  else win.addEventListener('load', idle, { once: true })
}
