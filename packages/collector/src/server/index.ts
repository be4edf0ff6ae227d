export { type AppOptions, createApp } from './app'
export { startServer } from './startServer'
export { type Issue, validateBatch } from './validateBatch'
