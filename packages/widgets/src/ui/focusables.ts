/** Elements inside `box` that Tab reaches, in DOM order (roving radios with -1 excluded). */
export function focusables(box: Element): HTMLElement[] {
  return [...box.querySelectorAll<HTMLElement>('a[href],button,input,textarea,[tabindex]')].filter(
    (n) => n.tabIndex >= 0 && !(n as HTMLButtonElement).disabled,
  )
}
