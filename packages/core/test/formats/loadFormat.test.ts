import { describe, expect, it } from 'vitest'
import { lingerEncoder } from '../../src/wire/formats/lingerEncoder'
import { loadFormat } from '../../src/wire/formats/loadFormat'
import { posthogEncoder } from '../../src/wire/formats/posthog'
import { rudderstackEncoder } from '../../src/wire/formats/rudderstack'
import { segmentEncoder } from '../../src/wire/formats/segment'

describe('loadFormat', () => {
  it('resolves each format to its encoder factory, the default to the CONTRACT batch', async () => {
    expect(await loadFormat('segment')).toBe(segmentEncoder)
    expect(await loadFormat('rudderstack')).toBe(rudderstackEncoder)
    expect(await loadFormat('posthog')).toBe(posthogEncoder)
    expect((await loadFormat())({})).toBe(lingerEncoder)
    expect((await loadFormat('linger'))({})).toBe(lingerEncoder)
  })
})
