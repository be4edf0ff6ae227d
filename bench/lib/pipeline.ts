import { spawn } from 'node:child_process'
import { root } from './server'

/** Runs bench/pipeline.ts (another engineer's) as it is, and returns its table's rows. */
export function pipelineRows(): Promise<[string, string][]> {
  return new Promise((done, fail) => {
    const child = spawn('pnpm', ['exec', 'tsx', 'bench/pipeline.ts'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
    })
    child.on('error', fail)
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`bench/pipeline.ts exited with ${code}`))
      const rows = out
        .split('\n')
        .filter((line) => line.startsWith('| ') && !line.startsWith('| measure'))
        .map((line) => line.split(' | ').map((cell) => cell.replace(/^\|\s*|\s*\|$/g, '').trim()))
        .map(([k, v]) => [k!, v!] as [string, string])
      done(rows)
    })
  })
}
