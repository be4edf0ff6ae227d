import type { LingerConfig } from '../types'
import { configHash } from './configHash'
import { validateConfig } from './validateConfig'

/**
 * The config as the page should receive it: the validator's output (defaults filled in) with a
 * `$stamp` the page checks to skip the validator. `undefined` with the issues when the config
 * has any problem: only a config the validator passes whole is stamped.
 */
export function stampConfig(input: unknown): {
  config?: LingerConfig
  issues: ReturnType<typeof validateConfig>['issues']
} {
  const { config, issues } = validateConfig(input)
  if (!config || issues.length) return { issues }
  const { $stamp: _, ...rest } = config as LingerConfig & { $stamp?: string }
  return { config: { ...rest, $stamp: configHash(rest) } as LingerConfig, issues }
}
