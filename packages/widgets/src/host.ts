// The host interface a widget is mounted with. The core defines it (it mounts widgets, and
// @linger/widgets depends on core, not the other way round); documented there.
export type { MountedWidget, MountOptions, MountWidget, WidgetHost } from '@linger/core'
