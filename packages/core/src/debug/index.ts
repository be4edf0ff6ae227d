export { explain } from './explain'
export { logDecision } from './logDecision'
export { logPipeline } from './logPipeline'
