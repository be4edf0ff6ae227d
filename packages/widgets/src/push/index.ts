export { mountPush } from './mountPush'
export { Push } from './Push'
