// linger-regex.js: the ReDoS guard for `re:` URL rules, loaded only by a config that has one.
export { isUnsafeRegex } from '@linger/core/config'
