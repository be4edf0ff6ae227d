export { migrate } from './migrate'
export { openDatabase } from './openDatabase'
export type { Db, OpenOptions, Queryable } from './types'
