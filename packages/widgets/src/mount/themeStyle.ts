import { CSS_SYNTAX } from '@linger/core/config/cssSyntax'
import type { Theme } from '@linger/core/types'

/** `v` when it is a string of `syntax`, else undefined: a theme that skipped validation can't
 * put `url(…)` into a style the widget's CSS uses as a background. */
const parsed = (v: unknown, syntax: RegExp) =>
  typeof v === 'string' && v.length <= 200 && syntax.test(v) ? v : undefined

/**
 * The theme as CSS custom properties for the widget's root element (set through the CSSOM,
 * which a strict CSP allows) plus the colour-mode class. Only values that parse as a colour,
 * a number or font names are written (the validator checks the same; this is the second
 * line). `font: "inherit"` copies the page's computed font, since `:host { all: initial }`
 * cuts inheritance on purpose.
 */
export function themeStyle(
  theme: Theme = {},
  doc: Document,
): { style: Record<string, string>; mode: string } {
  const font =
    theme.font === 'inherit'
      ? doc.defaultView?.getComputedStyle(doc.body ?? doc.documentElement).fontFamily
      : parsed(theme.font, CSS_SYNTAX.font)
  const radius = theme.radius
  return {
    style: {
      '--c': parsed(theme.color, CSS_SYNTAX.color) || '#4f46e5',
      '--r': `${typeof radius === 'number' && radius >= 0 && radius <= 100 ? radius : 12}px`,
      '--f': font || 'system-ui,sans-serif',
    },
    mode: theme.mode === 'dark' ? 'dk' : theme.mode === 'light' ? '' : 'au',
  }
}
