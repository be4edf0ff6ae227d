/**
 * Loads the script tag's lazy chunks (ES modules) from the folder the script itself came
 * from, so linger.js works from any CDN path or sub-folder.
 */
export function chunkLoader(scriptUrl: string) {
  const loaded = new Map<string, Promise<unknown>>()
  const urlOf = (file: string) => new URL(file, scriptUrl).href
  const load = <T>(file: string): Promise<T> => {
    let chunk = loaded.get(file)
    if (!chunk) {
      // A computed specifier keeps bundlers from inlining the chunk into linger.js.
      chunk = import(/* @vite-ignore */ urlOf(file))
      // A failed load (offline, CDN hiccup) may succeed later: don't memoise the failure.
      chunk.catch(() => loaded.delete(file))
      loaded.set(file, chunk)
    }
    return chunk as Promise<T>
  }
  return load
}
