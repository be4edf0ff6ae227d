import type { LingerEvent } from '../../../core/src/types'

const npsGroup = (score: number) => (score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter')

/** One line a person reads in a chat channel: what was answered, where, and the comment. */
export function answerText(e: LingerEvent): string {
  const p = e.props as Record<string, unknown>
  const what =
    typeof p.score === 'number'
      ? `${String(p.survey).toUpperCase()} ${p.score}${p.survey === 'nps' ? ` (${npsGroup(p.score)})` : `/${p.scale ?? 5}`}`
      : typeof p.choice === 'string'
        ? `chose "${p.choice}"`
        : Array.isArray(p.choices)
          ? `chose ${p.choices.map((c) => `"${c}"`).join(', ')}`
          : 'answered'
  const said = [p.comment, p.other].filter((s) => typeof s === 'string' && s).map((s) => `: “${s}”`)
  const question = typeof p.question === 'string' ? ` to "${p.question}"` : ''
  return `${what}${question} on ${e.site}${e.campaignId ? ` (${e.campaignId})` : ''}${said.join('')}`
}
