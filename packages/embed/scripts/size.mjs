// The size check: brotli sizes of the built script-tag files against their budgets, and the
// README's size table kept equal to the measured numbers. Deterministic, so CI runs it.
//   node scripts/size.mjs                 check budgets and the README table
//   node scripts/size.mjs --write-readme  rewrite the README table from the measurement
//   node scripts/size.mjs --budgets '{"linger.js":100}'  check against other budgets
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const readmePath = join(here, '../../../README.md')
const args = process.argv.slice(2)
const option = (name) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

const manifest = JSON.parse(readFileSync(option('--manifest') ?? join(here, '../dist/manifest.json'), 'utf8'))
const pkg = JSON.parse(readFileSync(join(here, '../package.json'), 'utf8'))
const budgets = option('--budgets') ? JSON.parse(option('--budgets')) : pkg.sizeBudgets

// What a page downloads, by what it does (issue 23): every page, before any widget shows
// (no push campaign), and once a pop-up or survey shows, with a config stamped by `linger
// validate --write`; and every page of a site whose config is not stamped (the validator too).
// These are what a site pays; a file that only some pages load (push, Shopify, formats, the
// service worker, debug) has no scenario.
const scenarios = {
  'page before any widget': ['linger.js', 'linger-campaigns.js'],
  'page with a widget': ['linger.js', 'linger-campaigns.js', 'linger-widgets.js'],
  'page with a survey flow': ['linger.js', 'linger-campaigns.js', 'linger-survey.js'],
  'unstamped config, before any widget': ['linger.js', 'linger-campaigns.js', 'linger-validate.js'],
}
// A scenario with a file the build lacks has no size (undefined), rather than the others' sum.
const sum = (files) =>
  files.every((file) => manifest[file])
    ? files.reduce((total, file) => total + manifest[file].brotli, 0)
    : undefined
const measured = {
  ...Object.fromEntries(Object.entries(manifest).map(([f, m]) => [f, m.brotli])),
  ...Object.fromEntries(Object.entries(scenarios).map(([name, files]) => [name, sum(files)])),
}

// A budget for a name the build lacks (a renamed file or scenario) fails: it would pass at 0 B.
const over = Object.entries(budgets).filter(([name, limit]) => !(measured[name] <= limit))
for (const [name, limit] of Object.entries(budgets)) {
  const size = measured[name]
  console.log(
    size === undefined
      ? `UNKNOWN ${name}: no such file or scenario in the build`
      : `${size > limit ? 'OVER' : 'ok  '} ${name.padEnd(24)} ${String(size).padStart(6)} B brotli (budget ${limit} B)`,
  )
}

const kb = (bytes) => (bytes / 1024).toFixed(2)
const table = [
  '| file | what | brotli | gzip | CI budget | target |',
  '|---|---|---|---|---|---|',
  ...[
    ['linger.js', 'the script tag: stub replay, config, identity, consent, event pipeline'],
    ['linger-campaigns.js', 'loaded right after the page view: targeting, sensors, cart, the stamp check'],
    ['linger-widgets.js', 'lazy chunk: preact and every widget'],
    [
      'linger-survey.js',
      'lazy chunk: preact and the multi-question survey flow; only when a `survey` campaign shows',
    ],
    [
      'linger-push.js',
      'web push: the prompt flow, resync, unsubscribe; only when a push prompt shows (prefetched at idle before), or at idle to resync a visitor who granted notifications',
    ],
    ['linger-shopify.js', 'opt-in Shopify cart adapter'],
    ['linger-formats.js', 'Segment / RudderStack / PostHog encoders, only when `format` asks'],
    ['linger-sw.js', 'service worker for web push'],
    [
      'linger-validate.js',
      'the config validator (path-named errors); only for a config without a matching `$stamp`, or in debug mode',
    ],
    ['linger-regex.js', 'the ReDoS guard for `re:` URL rules; only a stamped config with such a rule'],
    ['linger-debug.js', 'explanations for `?linger_debug=1` (debug only)'],
  ]
    .filter(([file]) => manifest[file])
    .map(
      ([file, what]) =>
        `| \`${file}\` | ${what} | ${kb(manifest[file].brotli)} KB | ${kb(manifest[file].gzip)} KB | ${
          pkg.sizeBudgets[file] ? `${kb(pkg.sizeBudgets[file])} KB` : '—'
        } | ${pkg.sizeTargets?.[file] ? `${kb(pkg.sizeTargets[file])} KB` : '—'} |`,
    ),
  ...Object.entries(scenarios).map(
    ([name, files]) =>
      `| **${name}** | ${files.map((f) => `\`${f}\``).join(' + ')} | **${kb(measured[name])} KB** | | ${kb(
        pkg.sizeBudgets[name],
      )} KB | ${pkg.sizeTargets[name] ? `${kb(pkg.sizeTargets[name])} KB` : '—'}${measured[name] > pkg.sizeTargets[name] ? ` (missed by ${kb(measured[name] - pkg.sizeTargets[name])} KB)` : ''} |`,
  ),
].join('\n')

// The README's snippet carries the SRI hash of this very build, so it is checked the same way.
const snippetBlock = [
  '```html',
  '<script>window.linger=window.linger||function(){(linger.q=linger.q||[]).push(arguments)}</script>',
  `<script async src="https://cdn.example.com/linger/linger.js" integrity="${manifest['linger.js'].integrity}" crossorigin="anonymous" data-config="/linger.json"></script>`,
  '```',
].join('\n')

const blocks = { size: table, snippet: snippetBlock }
let readme = readFileSync(readmePath, 'utf8')
let readmeOk = true
for (const [name, body] of Object.entries(blocks)) {
  const pattern = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(\\n<!-- ${name}:end -->)`)
  if (args.includes('--write-readme'))
    readme = readme.replace(pattern, (_, start, end) => `${start}${body}${end}`)
  else if (!args.includes('--no-readme') && !readme.match(pattern)?.[0].includes(body)) {
    readmeOk = false
    console.log(
      `README ${name} block differs from the build: run \`pnpm --filter @linger/embed size --write-readme\``,
    )
  }
}
if (args.includes('--write-readme')) {
  writeFileSync(readmePath, readme)
  console.log('README size table and snippet updated')
}

if (over.length || !readmeOk) process.exit(1)
