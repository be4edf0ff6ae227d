// What a CDN does for the script tag: brotli when the browser takes it, else gzip, else nothing,
// with `Vary: Accept-Encoding` so caches keep the versions apart. Each body is compressed once.
import { createHash } from 'node:crypto'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const cache = new Map()
const TEXT = /^(text\/|application\/(json|javascript)|image\/svg\+xml)/

/** `{ body, headers }` to send `body` of `type` to a client that sent `acceptEncoding`. */
export function compress(body, type, acceptEncoding = '') {
  const headers = { vary: 'accept-encoding' }
  const accepts = (name) => new RegExp(`\\b${name}\\b(?!;q=0(\\.0*)?\\b)`).test(acceptEncoding)
  const encoding =
    !TEXT.test(type) || body.length < 256 ? '' : accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : ''
  if (!encoding) return { body, headers }
  const key = `${encoding}:${createHash('sha1').update(body).digest('base64')}`
  let packed = cache.get(key)
  if (!packed) {
    packed =
      encoding === 'br'
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : gzipSync(body, { level: 9 })
    cache.set(key, packed)
  }
  return { body: packed, headers: { ...headers, 'content-encoding': encoding } }
}
