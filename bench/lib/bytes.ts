import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Script } from './peers'
import { root } from './server'

export interface Size {
  raw: number
  gzip: number
  brotli: number
}

const sizeOf = (body: Buffer): Size => ({
  raw: body.length,
  gzip: gzipSync(body, { level: 9 }).length,
  brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
})

const add = (a: Size, b: Size): Size => ({
  raw: a.raw + b.raw,
  gzip: a.gzip + b.gzip,
  brotli: a.brotli + b.brotli,
})
const zero: Size = { raw: 0, gzip: 0, brotli: 0 }

/** gzip -9 and brotli -q 11 of each file, summed (each file is its own download). */
export const filesSize = (files: string[]): Size =>
  files.map((f) => sizeOf(readFileSync(join(root, f)))).reduce(add, zero)

/** Before any widget shows (the documented initial files) and after a survey shows. */
export function scriptBytes(script: Script) {
  const initial = filesSize(script.initial)
  return { initial, survey: script.survey ? add(initial, filesSize(script.survey)) : undefined }
}

/** Sizes of script/JSON bodies a page really downloaded, by path (first load of the page). */
export function downloadedSize(bodies: Map<string, Buffer>): Size {
  return [...bodies.values()].map(sizeOf).reduce(add, zero)
}
