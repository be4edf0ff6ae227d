// linger-formats.js: encoders for `format: "segment" | "rudderstack" | "posthog"`, loaded only
// when the config asks for one (the default `linger` format is built into linger.js).
export { posthogEncoder, rudderstackEncoder, segmentEncoder } from '@linger/core/wire'
