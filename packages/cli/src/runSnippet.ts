import { existsSync } from 'node:fs'

/**
 * `linger snippet`: the script-tag snippet. The command itself lives in ./snippet.ts,
 * written with the embed; it exports `snippet(args: string[]): number | Promise<number>`.
 * Until that file exists this says so.
 */
export async function snippet(args: string[]): Promise<number> {
  if (!existsSync(new URL('./snippet.ts', import.meta.url))) {
    console.error('snippet: build the embed first')
    return 1
  }
  // A variable specifier: the file may not exist yet when this is type-checked.
  const path = './snippet.js'
  const mod = (await import(path)) as { snippet: (args: string[]) => number | Promise<number> }
  return mod.snippet(args)
}
