import type { ComponentChildren } from 'preact'
import * as K from '../text/keys'
import type { Ctx } from './ctx'
import { focusFirst } from './focusFirst'
import { trapTab } from './trapTab'

/**
 * The dialog around every widget: backdrop and focus trap for `modal`/`sheet` (WAI-ARIA
 * modal dialog), a non-modal dialog otherwise (inline too); Esc (with focus inside) and an always-present
 * close button call `onClose`. Focus moves in for modals, or when `focus` says the visitor
 * asked for it. Labelled by the element with id `t` unless `label` is given.
 */
export function Frame(props: {
  c: Ctx
  onClose(): void
  label?: string
  focus?: boolean
  children: ComponentChildren
}) {
  const { c, onClose } = props
  const modal = c.layout === 'modal' || c.layout === 'sheet'
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation()
      onClose()
    } else if (e.key === 'Tab' && modal) trapTab(e, e.currentTarget as HTMLElement)
  }
  return (
    <div class={`w ${c.cls}`} dir={c.dir} style={c.style}>
      {modal && (
        // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut only; keyboards have Esc and the close button.
        // biome-ignore lint/a11y/useKeyWithClickEvents: same.
        <div class="bd" onClick={onClose} />
      )}
      <div
        ref={modal || props.focus ? focusFirst : undefined}
        class="p"
        role="dialog"
        aria-modal={modal ? 'true' : undefined}
        aria-labelledby={props.label ? undefined : 't'}
        aria-label={props.label}
        onKeyDown={keys}
      >
        {props.children}
        <button type="button" class="x" aria-label={c.s(K.close)} onClick={onClose}>
          ×
        </button>
      </div>
    </div>
  )
}
