// The README's "Try the demo" steps, as the README writes them: what to do, what the visitor
// will read (the *italic* parts) and how many seconds to give it. `npm run demo` prints them and
// e2e/tests/shop-readme.spec.ts takes them, so the README, the demo and the test can't drift.
import { readFileSync } from 'node:fs'

const README = new URL('../README.md', import.meta.url)

/** The numbered list between `<!-- demo-steps:start -->` and `<!-- demo-steps:end -->`. */
export function demoSteps(readme = readFileSync(README, 'utf8')) {
  const block = /<!-- demo-steps:start -->\n([\s\S]*?)<!-- demo-steps:end -->/.exec(readme)?.[1]
  if (!block) throw new Error('README.md has no demo-steps block')
  return block
    .split('\n')
    .filter((line) => /^\d+\. /.test(line))
    .map((line) => {
      const text = line.replace(/^\d+\. /, '')
      return {
        text,
        quotes: [...text.matchAll(/(?<!\*)\*([^*]+)\*(?!\*)/g)].map((m) => m[1]),
        seconds: [...text.matchAll(/(\d+) seconds/g)].map((m) => Number(m[1])),
      }
    })
}

/** A step as plain text for a terminal: bold and code marks dropped, *quotes* in quotation marks. */
export const plainStep = (text) => text.replace(/\*\*|`/g, '').replace(/\*([^*]+)\*/g, '“$1”')
