import type { Campaign, ConfigIssue, Link, Variant } from '../types'

type Holder = { cta?: Link; secondary?: Link } | undefined

/**
 * Drops campaigns (holes in `list` are already-dropped ones) whose `action: "show"` links
 * name no campaign that will run, repeating until stable because each drop can orphan
 * another link. Returns the campaigns left.
 */
export const checkShowLinks = (list: (Campaign | undefined)[], issues: ConfigIssue[]): Campaign[] => {
  for (let dropped = true; dropped; ) {
    dropped = false
    const ids = new Set(list.map((c) => c?.id).filter(Boolean))
    list.forEach((c, i) => {
      if (!c) return
      const holders: [string, Holder][] = [
        ['content', (c as { content?: Holder }).content],
        ...((c.variants ?? []) as Variant[]).map((v, j): [string, Holder] => [
          `variants[${j}].content`,
          v.content as Holder,
        ]),
      ]
      for (const [p, h] of holders)
        for (const k of ['cta', 'secondary'] as const) {
          const to = h?.[k]?.action === 'show' && h[k]!.campaign
          if (to === false || ids.has(to)) continue
          issues.push({
            path: `campaigns[${i}].${p}.${k}.campaign`,
            code: to ? 'ref' : 'required',
            message: `expected the id of a campaign in this config, got ${to ? JSON.stringify(to) : 'nothing'}`,
          })
          list[i] = undefined
          dropped = true
          return
        }
    })
  }
  return list.filter((c) => c !== undefined)
}
