export { Flow } from './Flow'
export { mountFlow } from './mountFlow'
