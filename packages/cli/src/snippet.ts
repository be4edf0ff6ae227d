import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { snippet as renderSnippet } from '@linger/embed/snippet'

const usage = `usage: linger snippet [--src URL] [--config URL | --inline FILE] [--endpoint URL] [--consent-required]
  --src       where linger.js is hosted (default https://cdn.example.com/linger.js)
  --config    URL of the JSON config (default /linger.json)
  --inline    put this config file into the page instead of fetching it`

/**
 * `linger snippet`: the script-tag snippet with the Subresource Integrity hash of the built
 * linger.js (from the embed's dist/manifest.json), ready to paste before `</head>`.
 */
export function snippet(args: string[]): number {
  const option = (name: string) => {
    const i = args.indexOf(name)
    return i >= 0 ? args[i + 1] : undefined
  }
  if (args.includes('--help')) {
    console.log(usage)
    return 0
  }
  const embedDir = dirname(createRequire(import.meta.url).resolve('@linger/embed/package.json'))
  const manifestPath = join(embedDir, 'dist/manifest.json')
  if (!existsSync(manifestPath)) {
    console.error('snippet: build the embed first (pnpm --filter @linger/embed build)')
    return 1
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, { integrity: string }>
  const inline = option('--inline')
  console.log(
    renderSnippet({
      src: option('--src') ?? 'https://cdn.example.com/linger.js',
      integrity: manifest['linger.js']?.integrity,
      config: inline
        ? (JSON.parse(readFileSync(inline, 'utf8')) as object)
        : (option('--config') ?? '/linger.json'),
      endpoint: option('--endpoint'),
      consentRequired: args.includes('--consent-required'),
    }),
  )
  return 0
}
