// @linger/core: `init` and the public helpers. Importing has no side effects (SSR-safe).
export { stampConfig } from './config/stampConfig'
export { validateConfig } from './config/validateConfig'
export type { PushFlow } from './push/pushFlow'
export { pushSupport } from './push/pushSupport'
export type { PushSupport } from './push/types'
export { init } from './runtime/init'
export { type StartDeps, start } from './runtime/start'
export type { DebugModule, InitOptions, Linger } from './runtime/types'
export type { MountedWidget, MountOptions, MountWidget, WidgetHost } from './runtime/widgets'
export {
  deviceClass,
  onClick,
  onExitIntent,
  onIdle,
  onRouteChange,
  onScrollDepth,
  onTimeOnPage,
  onTouchExit,
} from './sensors/index'
export type { Decision, TargetContext } from './targeting/types'
export type * from './types'
