import { describe, expect, it } from 'vitest'
import { STUB, snippet } from '../src/snippet'

describe('snippet', () => {
  it('is the CONTRACT stub plus an async script tag with SRI', () => {
    const html = snippet({
      src: 'https://cdn.example.com/linger.js',
      integrity: 'sha384-abc',
      config: '/linger.json',
    })
    expect(html).toBe(
      `<script>${STUB}</script>\n<script async src="https://cdn.example.com/linger.js" integrity="sha384-abc" crossorigin="anonymous" data-config="/linger.json"></script>`,
    )
  })

  it('inlines a config so that marketer text cannot close the script element', () => {
    const html = snippet({
      src: '/linger.js',
      config: { version: 1, site: 's', campaigns: [{ title: '</script><img src=x onerror=alert(1)>' }] },
    })
    expect(html.match(/<\/script>/g)).toHaveLength(3)
    expect(html).toContain('\\u003c/script>')
  })

  it('escapes attribute values', () => {
    expect(snippet({ src: '/l.js?a="b"&c' })).toContain('src="/l.js?a=&quot;b&quot;&amp;c"')
  })
})
