/** The engines the cross-engine suite runs in. */
export type EngineName = 'chromium' | 'firefox' | 'webkit'

/** A function run in the page: no closures, its one argument must be JSON. */
export type PageFn<A, R> = (arg: A) => R | Promise<R>

/** A key as Playwright names it: 'Tab', 'Shift+Tab', 'Enter', 'Escape', 'ArrowRight', 'Space'; each adapter maps it. */
export type KeyName = string

/**
 * One open tab, whatever drives it. Scenarios talk only to this, so each is written once and
 * runs in every engine.
 */
export interface Tab {
  goto(url: string): Promise<void>
  /** Runs `fn` in the page; its result must be JSON (a DOM node is an error in every engine). */
  evaluate<R, A = undefined>(fn: PageFn<A, R>, arg?: A): Promise<R>
  /** Presses one key, or a chord joined by '+', as real keyboard input. */
  press(key: KeyName): Promise<void>
  /** Types text as real key presses into the focused element. */
  type(text: string): Promise<void>
  /** Moves the real pointer through `points` (viewport CSS px), in order. */
  pointer(points: Array<[x: number, y: number]>): Promise<void>
  /** A real pointer click at (x, y) in viewport CSS px. */
  click(x: number, y: number): Promise<void>
  /** Closes the tab as a visitor would: pagehide runs. */
  close(): Promise<void>
}

/** A tab on an emulated phone (touch input, coarse pointer, phone-sized screen). */
export interface PhoneTab extends Tab {
  /** One real finger swipe down the middle of the screen, from `fromY` to `toY` in `steps` moves. */
  swipe(fromY: number, toY: number, steps: number): Promise<void>
}

/** What an engine's driver can emulate. Where it can't, a scenario emulates it elsewhere or skips. */
export interface Abilities {
  /** The browser itself goes offline (`navigator.onLine` false, requests fail). */
  offline: boolean
  /** A phone: touch input, coarse pointer, a small screen. */
  touch: boolean
  /** The pointer can be moved out of the viewport (WebDriver keeps it inside). */
  pointerOut: boolean
}

export interface Engine {
  name: EngineName
  /** Browser and version as the driver reports it, e.g. "firefox/153.8.0". */
  version: string
  /** How it is driven, for the README and the output: "Playwright", "puppeteer-core over WebDriver BiDi", … */
  driver: string
  can: Abilities
  /** Why it cannot, for each ability it lacks: the reason a scenario prints when it skips or emulates. */
  why: Partial<Record<keyof Abilities, string>>
  /** A new tab with fresh state (its own storage where the driver can; else a fresh origin per test keeps state apart). */
  newTab(): Promise<Tab>
  /** A new tab on an emulated phone; only where `can.touch`. */
  phoneTab(): Promise<PhoneTab>
  /**
   * Grants `origin` the notifications permission, as the visitor answering the browser's own
   * dialog would (headless browsers cannot show it). False where the driver has no way to.
   */
  grantNotifications(origin: string): Promise<boolean>
  /** Real offline; only where `can.offline`. */
  setOffline(on: boolean): Promise<void>
  /** Closes every tab this test opened (between tests). */
  reset(): Promise<void>
  close(): Promise<void>
}
