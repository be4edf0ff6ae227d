/** Reads a request body as UTF-8 text, or answers `too-large` as soon as it passes `limit` bytes. */
export async function readBody(req: Request, limit: number): Promise<string | 'too-large' | 'bad-encoding'> {
  const declared = Number(req.headers.get('content-length'))
  if (declared > limit) return 'too-large'
  if (!req.body) return ''
  const reader = req.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    // Stop reading (and buffering) the moment the limit is passed, whatever Content-Length said.
    if (size > limit) {
      await reader.cancel().catch(() => {})
      return 'too-large'
    }
    chunks.push(value)
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks))
  } catch {
    return 'bad-encoding'
  }
}
