import type { Question } from '@linger/core/types'
import type { AskProps } from './types'

/** An open question: a text field of at most `maxLength` characters; sent empty, it is skipped. */
export function TextAsk({ c, q, submit, answer }: AskProps<Extract<Question, { type: 'text' }>>) {
  const send = (e: Event) => {
    e.preventDefault()
    const text = (e.currentTarget as HTMLFormElement).querySelector('textarea')!.value.trim()
    answer(text ? { comment: text } : undefined)
  }
  return (
    <form onSubmit={send}>
      <textarea aria-labelledby="t" maxLength={q.maxLength ?? 500} placeholder={c.t(q.placeholder)} />
      <button type="submit" class="cta">
        {submit}
      </button>
    </form>
  )
}
