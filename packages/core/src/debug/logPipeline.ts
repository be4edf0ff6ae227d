const prose: Record<string, string> = {
  kv: 'IndexedDB is unavailable, so events are kept in memory for this page (sent as usual)',
  corrupt: 'records in the stored queue were not events; deleted',
}

/** Logs a pipeline diagnostic code in debug mode, with prose where a person needs it. */
export function logPipeline(code: string, detail?: unknown): void {
  const text = prose[code] ? `${code}: ${prose[code]}` : code
  console.info(`linger pipeline: ${text}`, ...(detail === undefined ? [] : [detail]))
}
