// linger-formats.js: encoders for `format: "segment" | "rudderstack" | "posthog"`, loaded only
// when the config asks for one (the default `linger` format is built into linger.js).
export { posthogEncoder } from '@linger/core/formats/posthog'
export { rudderstackEncoder } from '@linger/core/formats/rudderstack'
export { segmentEncoder } from '@linger/core/formats/segment'
