export { init } from './init'
export { type StartDeps, start } from './start'
export type { DebugModule, InitOptions, Linger } from './types'
export type { MountOptions, MountWidget, WidgetHost } from './widgets'
