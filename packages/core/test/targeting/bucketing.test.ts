import { describe, expect, it } from 'vitest'
import { applyVariant } from '../../src/targeting/applyVariant'
import { bucket } from '../../src/targeting/bucket'
import { checkSample } from '../../src/targeting/checkSample'
import { pickVariant } from '../../src/targeting/pickVariant'
import type { Campaign } from '../../src/types'

const visitors = Array.from(
  { length: 10_000 },
  (_, i) => `0192f0a1-7c3e-7${String(i).padStart(3, '0')}-8abc-${i}`,
)
const popup = (over: Partial<Campaign> = {}) =>
  ({
    id: 'exit',
    kind: 'popup',
    trigger: { type: 'pageview' },
    content: { title: 'base' },
    ...over,
  }) as Campaign

describe('bucket', () => {
  it('is deterministic and within [0, 100)', () => {
    expect(bucket('abc')).toBe(bucket('abc'))
    for (const v of visitors.slice(0, 500)) {
      const b = bucket(v)
      expect(b).toBeGreaterThanOrEqual(0)
      expect(b).toBeLessThan(100)
    }
  })
  it('spreads keys that differ only at the end evenly over ten deciles', () => {
    const deciles = new Array(10).fill(0)
    for (const v of visitors) deciles[Math.floor(bucket(`${v}:c`) / 10)]++
    for (const n of deciles) expect(Math.abs(n - 1000)).toBeLessThan(120)
  })
})

describe('sample', () => {
  it('is stable per visitor and campaign', () => {
    const first = visitors.map((v) => checkSample(30, v, 'c') === undefined)
    const again = visitors.map((v) => checkSample(30, v, 'c') === undefined)
    expect(again).toEqual(first)
  })
  it('lets about sample % of visitors in', () => {
    const inside = visitors.filter((v) => checkSample(30, v, 'c') === undefined).length
    expect(inside / visitors.length).toBeGreaterThan(0.28)
    expect(inside / visitors.length).toBeLessThan(0.32)
    expect(checkSample(0, visitors[0]!, 'c')?.code).toBe('sample')
    expect(visitors.every((v) => checkSample(100, v, 'c') === undefined)).toBe(true)
  })
  it('is a superset as the sample grows (no visitor flips out when a marketer raises it)', () => {
    for (const v of visitors.slice(0, 2000)) {
      if (checkSample(10, v, 'c') === undefined) expect(checkSample(20, v, 'c')).toBeUndefined()
    }
  })
  it('picks different visitors for different campaigns', () => {
    const a = visitors.map((v) => checkSample(50, v, 'a') === undefined)
    const b = visitors.map((v) => checkSample(50, v, 'b') === undefined)
    const same = a.filter((x, i) => x === b[i]).length / a.length
    expect(same).toBeGreaterThan(0.45)
    expect(same).toBeLessThan(0.55)
  })
})

describe('variants and holdout', () => {
  const variants = [
    { id: 'a', weight: 70 },
    { id: 'b', weight: 20 },
    { id: 'c', weight: 10 },
    { id: 'off', weight: 0 },
  ]
  it('distributes 10,000 visitors by weight within 1.5 points', () => {
    const counts: Record<string, number> = {}
    for (const v of visitors) {
      const id = pickVariant(popup({ variants }), v).variant!
      counts[id] = (counts[id] ?? 0) + 1
    }
    expect(counts.off).toBeUndefined()
    expect(Math.abs(counts.a! / 100 - 70)).toBeLessThan(1.5)
    expect(Math.abs(counts.b! / 100 - 20)).toBeLessThan(1.5)
    expect(Math.abs(counts.c! / 100 - 10)).toBeLessThan(1.5)
  })
  it('is sticky per visitor', () => {
    for (const v of visitors.slice(0, 200))
      expect(pickVariant(popup({ variants }), v)).toEqual(pickVariant(popup({ variants }), v))
  })
  it('holds out about holdout % and still assigns them a variant', () => {
    const picks = visitors.map((v) => pickVariant(popup({ variants, holdout: 10 }), v))
    const held = picks.filter((p) => p.heldOut)
    expect(Math.abs(held.length / 100 - 10)).toBeLessThan(1)
    expect(held.every((p) => p.variant)).toBe(true)
    expect(visitors.some((v) => pickVariant(popup(), v).heldOut)).toBe(false)
  })
  it('keeps the variant independent of the holdout draw', () => {
    const held = visitors.filter((v) => pickVariant(popup({ variants, holdout: 50 }), v).heldOut)
    const shareA =
      held.filter((v) => pickVariant(popup({ variants }), v).variant === 'a').length / held.length
    expect(Math.abs(shareA - 0.7)).toBeLessThan(0.03)
  })
  it('has no variant without variants', () => {
    expect(pickVariant(popup(), 'v')).toEqual({ heldOut: false })
  })
  it('merges the variant content into the campaign', () => {
    const c = popup({ variants: [{ id: 'x', weight: 1, content: { title: 'X' } }] })
    expect((applyVariant(c, 'x') as { content: { title: string } }).content.title).toBe('X')
    expect(applyVariant(c, 'nope')).toBe(c)
    const nps = {
      id: 'n',
      kind: 'nps',
      trigger: { type: 'manual' },
      question: 'Q',
      variants: [{ id: 'q2', weight: 1, question: 'Q2' }],
    } as Campaign
    expect((applyVariant(nps, 'q2') as { question: string }).question).toBe('Q2')
  })
})
