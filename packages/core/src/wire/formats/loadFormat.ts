import type { DeliveryFormat } from '../../types'
import type { EncoderFactory } from '../encoder'
import { lingerEncoder } from './lingerEncoder'

/**
 * The encoder factory for a delivery format. Each third-party format is its own chunk, loaded
 * by a dynamic `import()` only when a config names it, so the default format pays nothing.
 */
export function loadFormat(format: DeliveryFormat = 'linger'): Promise<EncoderFactory> {
  if (format === 'segment') return import('./segment').then((m) => m.segmentEncoder)
  if (format === 'rudderstack') return import('./rudderstack').then((m) => m.rudderstackEncoder)
  if (format === 'posthog') return import('./posthog').then((m) => m.posthogEncoder)
  return Promise.resolve(() => lingerEncoder)
}
