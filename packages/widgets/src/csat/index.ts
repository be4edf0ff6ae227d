export { Csat } from './Csat'
export { mountCsat } from './mountCsat'
