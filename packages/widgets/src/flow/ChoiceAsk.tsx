import type { Question } from '@linger/core/types'
import * as F from './flowStrings'
import type { AskProps } from './types'

/**
 * Single (radios) or multiple (checkboxes) choice, in the order the flow fixed (shuffled when
 * asked), then "Other" with its text field while ticked; Next sends. Native inputs: arrows move
 * within radios, Space ticks a checkbox. A single choice branches on its id (`other` too).
 */
export function ChoiceAsk({
  c,
  q,
  f,
  submit,
  answer,
}: AskProps<Extract<Question, { type: 'single' | 'multi' }>>) {
  const type = q.type === 'single' ? 'radio' : 'checkbox'
  const otherLabel = c.t(q.other === true ? f(F.other) : q.other || undefined)
  const read = (form: HTMLFormElement) =>
    [...form.querySelectorAll<HTMLInputElement>('[name=c]')].filter((i) => i.checked).map((i) => i.value)
  const send = (e: Event) => {
    e.preventDefault()
    const form = e.currentTarget as HTMLFormElement
    const picked = read(form)
    if (!picked.length) return c.set({ empty: true })
    const other = form.querySelector<HTMLInputElement>('[name=o]')?.value.trim()
    const extra = other && picked.includes('other') ? { other } : {}
    if (q.type === 'single') answer({ choice: picked[0], ...extra }, picked)
    else answer({ choices: picked, ...extra })
  }
  const option = (value: string, label: string) => (
    <label class="ck">
      <input type={type} name="c" value={value} />
      {label}
    </label>
  )
  return (
    <form
      onSubmit={send}
      onChange={(e) => c.set({ other: read(e.currentTarget).includes('other'), empty: false })}
    >
      <fieldset aria-labelledby="t" style={{ border: 0, padding: 0, margin: 0 }}>
        {c.v.order[q.id]!.map((ch) => option(ch.id, c.t(ch.label)))}
        {q.other && option('other', otherLabel)}
      </fieldset>
      {c.v.other && <input name="o" aria-label={otherLabel} maxLength={500} />}
      <p class="er" role="alert">
        {c.v.empty ? f(F.choose) : ''}
      </p>
      <button type="submit" class="cta">
        {submit}
      </button>
    </form>
  )
}
