// @vitest-environment node
import { expect, it } from 'vitest'
import { migrate } from '../src/db'
import { forEachDatabase } from './helpers/databases'

forEachDatabase('database', (db, kind) => {
  it('is migrated once, and the same JS types come back from both drivers', async () => {
    expect(db().kind).toBe(kind)
    const names = (await db().query<{ name: string }>('select name from migrations order by name')).rows
    expect(names.map((r) => r.name)).toEqual(expect.arrayContaining(['001-events.sql', '002-push.sql']))
    expect(await migrate(db())).toEqual([])
    const { rows } = await db().query<{ n: number; x: number; t: Date; d: string; j: unknown }>(
      `select count(*) as n, 1.5::numeric as x, '2026-01-02T03:04:05Z'::timestamptz as t,
              '2026-01-02'::date as d, '{"a":1}'::jsonb as j from migrations`,
    )
    expect(rows[0]).toEqual({
      n: names.length,
      x: 1.5,
      t: new Date('2026-01-02T03:04:05Z'),
      d: '2026-01-02',
      j: { a: 1 },
    })
  })

  it('rolls a failed transaction back', async () => {
    await db().exec('create table tx_probe (n int)')
    await expect(
      db().transaction(async (tx) => {
        await tx.query('insert into tx_probe values ($1)', [1])
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect((await db().query('select * from tx_probe')).rows).toEqual([])
  })
})
