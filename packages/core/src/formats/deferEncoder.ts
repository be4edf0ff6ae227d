import type { BatchEncoder } from '../pipeline/types'
import type { DeliveryFormat } from '../types'
import { loadFormat } from './loadFormat'
import type { FormatOptions } from './types'

/**
 * An encoder usable before its format's chunk has loaded, for code that creates the pipeline
 * synchronously. Until `ready` it answers an empty `url`, which the pipeline reads as "nowhere
 * to send yet": events stay queued and stored. Call `pipeline.flush()` once `ready` resolves.
 */
export function deferEncoder(format: DeliveryFormat, options: FormatOptions, load = loadFormat) {
  let impl: BatchEncoder | undefined
  const ready = load(format).then((factory) => {
    impl = factory(options)
  })
  const encode: BatchEncoder = (events, ctx) => (impl ? impl(events, ctx) : { url: '', body: '' })
  return { encode, ready }
}
