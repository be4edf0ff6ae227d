import * as K from '../text/keys'
import type { Ctx } from '../ui/ctx'
import { focusSelf } from '../ui/focusSelf'

/** The minimised tab a closed pop-up shrinks to: its text reopens it, × dismisses for good. */
export function Teaser(props: { c: Ctx; text: string; open(): void; close(): void }) {
  const { c } = props
  return (
    <div class={`w ${c.cls}`} dir={c.dir} style={c.style}>
      <section class="ts" aria-label={props.text}>
        <button ref={focusSelf} type="button" class="cta" aria-haspopup="dialog" onClick={props.open}>
          {props.text}
        </button>
        <button type="button" class="x" aria-label={c.s(K.close)} onClick={props.close}>
          ×
        </button>
      </section>
    </div>
  )
}
