// linger-debug.js: the explanations for ?linger_debug=1, kept out of linger.js.
export * from '@linger/core/debug'
