import type { Theme } from '@linger/core/types'

// The second line behind the validator (which checks the full CSS syntax), kept coarse to stay
// small: a colour is hex, rgb()/hsl() of numbers, or a word; a font is family names. Neither
// can hold `url(`, `var(`, `image-set(`, `;` or `}`, so a theme that skipped validation can't
// make the widget fetch anything or break out of its custom property.
const COLOR = /^(?:#[\da-f]{3,8}|(?:rgb|hsl)a?\([\w\s.,/%+-]+\)|[a-z]+)$/i
const FONT = /^[\w "',-]+$/

/** `v` when it is a string of `syntax`, else undefined. */
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
      : parsed(theme.font, FONT)
  const radius = theme.radius
  return {
    style: {
      '--c': parsed(theme.color, COLOR) || '#4f46e5',
      '--r': `${typeof radius === 'number' && radius >= 0 && radius <= 100 ? radius : 12}px`,
      '--f': font || 'system-ui,sans-serif',
    },
    mode: theme.mode === 'dark' ? 'dk' : theme.mode === 'light' ? '' : 'au',
  }
}
