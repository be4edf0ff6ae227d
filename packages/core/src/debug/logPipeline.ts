/** Logs a pipeline diagnostic code in debug mode. */
export function logPipeline(code: string, detail?: unknown): void {
  console.info(`linger pipeline: ${code}`, ...(detail === undefined ? [] : [detail]))
}
