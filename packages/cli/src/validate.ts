import { readFileSync, writeFileSync } from 'node:fs'
import { stampConfig, validateConfig } from '@linger/core'

/**
 * `linger validate [--write] <file>`: one `path: message` line per problem on stdout and a
 * summary on stderr; exit 0 and `ok: N campaigns` when there is none. With `--write`, a config
 * without problems is rewritten as the page reads it: defaults filled in and a `$stamp` that
 * lets the page skip the validator (stdin: the stamped config goes to stdout).
 */
export function validate(args: string[]): number {
  const write = args.includes('--write')
  const [file] = args.filter((a) => a !== '--write')
  if (!file) {
    console.error('usage: linger validate [--write] <file>   (- reads stdin)')
    return 2
  }
  let input: unknown
  try {
    input = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'))
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    console.error(
      `${file}: ${e.code === undefined ? `not JSON: ${e.message}` : `cannot read it (${e.code})`}`,
    )
    return 1
  }
  const { config, issues } = validateConfig(input)
  const campaigns = (n: number) => `${n} campaign${n === 1 ? '' : 's'}`
  if (!issues.length) {
    if (!write) console.log(`ok: ${campaigns(config!.campaigns.length)}`)
    else {
      const stamped = `${JSON.stringify(stampConfig(input).config, null, 2)}\n`
      if (file === '-') process.stdout.write(stamped)
      else writeFileSync(file, stamped)
      console.error(`ok: ${campaigns(config!.campaigns.length)}; stamped${file === '-' ? '' : ` ${file}`}`)
    }
    return 0
  }
  for (const issue of issues) console.log(`${issue.path || '(root)'}: ${issue.message}`)
  const given = (input as { campaigns?: unknown }).campaigns
  console.error(
    `${issues.length} problem${issues.length === 1 ? '' : 's'}; ${
      config
        ? `${campaigns(config.campaigns.length)} of ${Array.isArray(given) ? given.length : 0} would run`
        : 'the config cannot be used'
    }`,
  )
  return 1
}
