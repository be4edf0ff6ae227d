// linger-validate.js: the full config validator with path-named errors, loaded by the
// campaigns chunk only for a config without a matching stamp, or in debug mode.
export { validateConfig } from '@linger/core/config'
