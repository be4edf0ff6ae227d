/**
 * `LINGER_ENGINES_FULL=1`: the scenarios at full size (the whole XSS corpus, a 1,000-event chaos
 * run). Without it, `npm test` runs CI sizes, so three engines add minutes, not tens of minutes.
 */
export const enginesFull = process.env.LINGER_ENGINES_FULL === '1'
