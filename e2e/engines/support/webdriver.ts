// A W3C WebDriver (classic) client with only what the WebKit adapter uses. Written here rather
// than taken from selenium-webdriver or WebdriverIO: their current releases need Node 22, and
// the dozen endpoints below are the whole of what the suite needs.

export class WebDriverError extends Error {}

/** One WebDriver session at `base` (e.g. http://127.0.0.1:4444). */
export class WebDriverSession {
  private constructor(
    private readonly base: string,
    readonly id: string,
    readonly capabilities: Record<string, unknown>,
  ) {}

  static async create(base: string, capabilities: Record<string, unknown>): Promise<WebDriverSession> {
    const value = await call<{ sessionId: string; capabilities: Record<string, unknown> }>(
      base,
      'POST',
      '/session',
      { capabilities: { alwaysMatch: capabilities } },
    )
    return new WebDriverSession(base, value.sessionId, value.capabilities)
  }

  cmd<T = unknown>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    return call<T>(this.base, method, `/session/${this.id}${path}`, body)
  }

  end(): Promise<unknown> {
    return call(this.base, 'DELETE', `/session/${this.id}`).catch(() => undefined)
  }
}

async function call<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
  })
  const json = (await res.json()) as { value: T & { error?: string; message?: string } }
  if (!res.ok)
    throw new WebDriverError(`${method} ${path}: ${json.value?.error} ${json.value?.message ?? ''}`)
  return json.value
}

/** Waits until the driver at `base` answers /status, or throws after `ms`. */
export async function waitForDriver(base: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms
  for (;;) {
    try {
      const status = await call<{ ready?: boolean }>(base, 'GET', '/status')
      if (status.ready !== false) return
    } catch (error) {
      if (Date.now() > deadline) throw error
    }
    await new Promise((done) => setTimeout(done, 100))
  }
}

/** WebDriver's code points for the keys the scenarios press (W3C WebDriver §17.4.2). */
export const KEYS: Record<string, string> = {
  Tab: '\uE004',
  Enter: '\uE007',
  Escape: '\uE00C',
  Shift: '\uE008',
  Space: '\uE00D',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  End: '\uE010',
  Home: '\uE011',
  Backspace: '\uE003',
}
