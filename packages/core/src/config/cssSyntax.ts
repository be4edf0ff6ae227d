// A number as CSS Color 4 writes it in rgb()/hsl(): `12`, `-0.5`, `.5`, `1e3`, with an
// optional `%` or angle unit. Written so no two parts can read the same characters (it runs on
// untrusted text).
const n = '[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:e[-+]?\\d+)?(?:%|deg|g?rad|turn)?'
const sep = '(?:\\s+(?:[,/]\\s*)?|[,/]\\s*)'
const fn = `(?:rgb|hsl)a?\\(\\s*${n}(?:${sep}${n}){2,3}\\s*\\)`

/**
 * What a theme value may look like before it reaches CSS. A colour is hex (`#rgb`, `#rgba`,
 * `#rrggbb`, `#rrggbbaa`), `rgb()`/`rgba()`/`hsl()`/`hsla()` with numbers only, or a bare word
 * (the validator also checks the word is a colour name); a font is family names. Neither can
 * hold `url(`, `image-set(`, `var(`, `expression(`, `@import`, `;` or `}`. The validator checks
 * these, and the widgets again before writing a style.
 */
export const CSS_SYNTAX = {
  color: new RegExp(`^(?:#(?:[\\da-f]{3,4}|[\\da-f]{6}|[\\da-f]{8})|${fn}|[a-z]+)$`, 'i'),
  font: /^[\w "',-]+$/,
}
