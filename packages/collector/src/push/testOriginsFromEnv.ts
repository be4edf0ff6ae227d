/**
 * LINGER_PUSH_TEST_ORIGINS: comma-separated origins of a local mock push service (such as
 * web-push-testing on http://127.0.0.1:8990) that subscriptions may point at. Empty in
 * production: real push services are https and public. Throws naming the variable on a bad URL.
 */
export function testOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.LINGER_PUSH_TEST_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      try {
        return new URL(o).origin
      } catch {
        throw new Error(`LINGER_PUSH_TEST_ORIGINS: "${o}" is not a URL`)
      }
    })
}
