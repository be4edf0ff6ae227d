import { signal } from '@preact/signals'
import { useEffect, useRef } from 'preact/hooks'

const DESKTOP = { width: 1280, height: 800 }
const MOBILE = { width: 390, height: 844, scale: 0.8 }
const ZOOMS = [
  ['fit', 'Fit'],
  ['1', '100 %'],
  ['0.75', '75 %'],
  ['0.5', '50 %'],
] as const

/** The desktop preview's zoom: `fit` (as large as the space allows, never above 100 %) or a scale. */
const zoom = signal<string>('fit')
const room = signal(DESKTOP.width)

/**
 * The previews: a desktop frame of a real 1280 × 800 page, shown as large as the playground's
 * width allows (or at a chosen zoom, scrolling when larger), so its text stays legible; and a
 * phone frame. `onFrame(i, iframe)` hands each frame to the playground, desktop first.
 */
export function Frames({ onFrame }: { onFrame(index: number, frame: HTMLIFrameElement): void }) {
  const scroller = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const box = scroller.current
    if (!box) return
    const seen = new ResizeObserver(([entry]) => {
      room.value = entry!.contentRect.width
    })
    seen.observe(box)
    return () => seen.disconnect()
  }, [])
  const scale = zoom.value === 'fit' ? Math.min(1, room.value / DESKTOP.width) : Number(zoom.value)
  const keep = (i: number) => (el: HTMLIFrameElement | null) => {
    if (el) onFrame(i, el)
  }
  return (
    <section class="frames" aria-label="Previews">
      <figure class="desktop">
        <div class="scroller" ref={scroller}>
          <div class="viewport" style={size(DESKTOP, scale)}>
            <iframe
              ref={keep(0)}
              title="Desktop preview"
              src="frame.html"
              style={{ ...size(DESKTOP), transform: `scale(${scale})` }}
            />
          </div>
        </div>
        <figcaption>
          Desktop 1280 × 800, shown at {Math.round(scale * 100)} %{' '}
          <label>
            Zoom{' '}
            <select value={zoom.value} onChange={(e) => (zoom.value = (e.target as HTMLSelectElement).value)}>
              {ZOOMS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </figcaption>
      </figure>
      <figure class="mobile">
        <div class="viewport" style={size(MOBILE, MOBILE.scale)}>
          <iframe
            ref={keep(1)}
            title="Mobile preview"
            src="frame.html"
            style={{ ...size(MOBILE), transform: `scale(${MOBILE.scale})` }}
          />
        </div>
        <figcaption>Mobile 390 × 844, shown at {MOBILE.scale * 100} %</figcaption>
      </figure>
    </section>
  )
}

/** Width and height in px (Preact 11 writes numbers as given: no unit added). */
const size = ({ width, height }: { width: number; height: number }, scale = 1) => ({
  width: `${width * scale}px`,
  height: `${height * scale}px`,
})
