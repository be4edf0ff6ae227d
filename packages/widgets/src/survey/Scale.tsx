const step: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }

/**
 * A radio group from `min` to `max` with a roving tabindex: arrow keys, Home and End move
 * focus, Space/Enter (or a click) choose. Arrows don't choose, because a choice is sent to
 * the endpoint at once. Left/right swap in right-to-left text.
 */
export function Scale(props: {
  min: number
  max: number
  value: number | null
  rtl: boolean
  cls: string
  glyph(n: number): string
  name?(n: number): string
  onPick(n: number): void
}) {
  const { min, value } = props
  const keys = (e: KeyboardEvent) => {
    const all = [...(e.currentTarget as HTMLElement).children] as HTMLElement[]
    const i = all.indexOf(e.target as HTMLElement)
    // Only ArrowLeft/ArrowRight end in `t`; those flip in right-to-left text.
    const d = (step[e.key] || 0) * (props.rtl && /t$/.test(e.key) ? -1 : 1)
    const to =
      e.key === 'Home' ? 0 : e.key === 'End' ? all.length - 1 : d ? (i + d + all.length) % all.length : -1
    if (to < 0) return
    e.preventDefault()
    for (const b of all) b.tabIndex = -1
    all[to]!.tabIndex = 0
    all[to]!.focus()
  }
  const items = []
  for (let n = min; n <= props.max; n++)
    items.push(
      // biome-ignore lint/a11y/useSemanticElements: native radios check on arrow keys, and each check is sent at once.
      <button
        type="button"
        role="radio"
        aria-checked={n === value}
        aria-label={props.name?.(n)}
        tabIndex={n === (value ?? min) ? 0 : -1}
        onClick={() => props.onPick(n)}
      >
        {props.glyph(n)}
      </button>,
    )
  return (
    <div class={`sc ${props.cls}`} role="radiogroup" aria-labelledby="t" onKeyDown={keys}>
      {items}
    </div>
  )
}
