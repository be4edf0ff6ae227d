// A throwaway PostgreSQL server for tests: initdb into a temporary directory, start it on a
// free loopback port, stop and delete it afterwards. As root it runs as the `postgres` user
// because initdb refuses root.
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

function freePort() {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => done(port))
    })
  })
}

export async function startPostgres(bin) {
  const dir = mkdtempSync(join(tmpdir(), 'linger-pg-'))
  const data = join(dir, 'data')
  const asRoot = process.getuid?.() === 0
  const as = asRoot ? 'runuser -u postgres -- ' : ''
  if (asRoot) {
    chmodSync(dir, 0o777)
  }
  const sh = (cmd) => spawnSync(`${as}${cmd}`, { shell: true, encoding: 'utf8' })
  let r = sh(`${bin}/initdb -D ${data} -A trust -U postgres --no-sync -E UTF8`)
  if (r.status !== 0) throw new Error(`initdb failed: ${r.stderr}`)
  const port = await freePort()
  r = sh(
    `${bin}/pg_ctl -D ${data} -l ${dir}/log -w -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off" start`,
  )
  if (r.status !== 0) throw new Error(`postgres did not start: ${r.stderr}${r.stdout}`)
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      sh(`${bin}/pg_ctl -D ${data} -m immediate stop`)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
