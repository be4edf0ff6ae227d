export { type Db, type OpenOptions, openDatabase } from './db'
export { type PushMessage, type PushResult, type PushSegment, sendPush, vapidFromEnv } from './push'
export { buildReport, type Report, type ReportParams } from './report'
export { type AppOptions, createApp, startServer } from './server'
