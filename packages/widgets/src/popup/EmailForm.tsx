import type { PopupCampaign, PopupContent } from '@linger/core/types'
import * as K from '../text/keys'
import type { Ctx } from '../ui/ctx'
import type { PopupState } from './state'

const valid = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Email capture with an optional consent line (`required` makes ticking it mandatory).
 * A valid submit tracks `lead.captured` `{ email, consent }` and moves to the success step.
 */
export function EmailForm(props: {
  c: Ctx<PopupCampaign, PopupState>
  spec: NonNullable<PopupContent['email']>
}) {
  const { c, spec } = props
  const error = c.v.error
  const submit = (e: Event) => {
    e.preventDefault()
    const form = e.currentTarget as HTMLFormElement
    const [input, box] = form.querySelectorAll('input')
    const email = input!.value.trim()
    const consent = !!box?.checked
    const bad = !valid.test(email) ? input : spec.required && !consent ? box : undefined
    if (bad) {
      c.set({ error: c.s(bad === input ? K.badEmail : K.tick) })
      return bad.focus()
    }
    c.host.track('lead.captured', { email, consent })
    c.set({ won: true, step: 2, error: '' })
  }
  return (
    <form onSubmit={submit} noValidate>
      <label class="sr" for="e">
        {c.s(K.email)}
      </label>
      <div class="row">
        <input
          id="e"
          type="email"
          autocomplete="email"
          placeholder={c.t(spec.placeholder)}
          aria-invalid={error === c.s(K.badEmail)}
          aria-describedby="er"
        />
        <button type="submit" class="cta">
          {c.t(spec.submit) || c.s(K.submit)}
        </button>
      </div>
      {spec.consent && (
        <label class="ck">
          <input type="checkbox" aria-describedby="er" />
          {c.t(spec.consent)}
        </label>
      )}
      <p id="er" class="er" role="alert">
        {error}
      </p>
    </form>
  )
}
