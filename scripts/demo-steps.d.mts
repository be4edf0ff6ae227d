export interface DemoStep {
  /** The step as written, without its number. */
  text: string
  /** The *italic* parts: page and widget text the visitor clicks or reads. */
  quotes: string[]
  /** Every "N seconds" in the step. */
  seconds: number[]
}
/** The README's numbered "Try the demo" steps. */
export function demoSteps(readme?: string): DemoStep[]
/** A step as plain text for a terminal. */
export function plainStep(text: string): string
