// linger-validate.js: the full config validator with path-named errors, loaded by the
// campaigns chunk only for a config without a matching stamp, or in debug mode. It carries the
// ReDoS guard anyway, so it hands that to matchRules too (no linger-regex.js then).
export { isUnsafeRegex, reportIssues, validateConfig } from '@linger/core/config'
