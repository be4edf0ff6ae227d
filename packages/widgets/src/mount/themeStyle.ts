import type { Theme } from '@linger/core/types'

/**
 * The theme as CSS custom properties for the widget's root element (set through the CSSOM,
 * which a strict CSP allows) plus the colour-mode class. `font: "inherit"` copies the
 * page's computed font, since `:host { all: initial }` cuts inheritance on purpose.
 */
export function themeStyle(
  theme: Theme = {},
  doc: Document,
): { style: Record<string, string>; mode: string } {
  const font =
    theme.font === 'inherit'
      ? doc.defaultView?.getComputedStyle(doc.body ?? doc.documentElement).fontFamily
      : theme.font
  return {
    style: {
      '--c': theme.color || '#4f46e5',
      '--r': `${theme.radius ?? 12}px`,
      '--f': font || 'system-ui,sans-serif',
    },
    mode: theme.mode === 'dark' ? 'dk' : theme.mode === 'light' ? '' : 'au',
  }
}
