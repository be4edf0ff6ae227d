export { mountNps } from './mountNps'
export { Nps } from './Nps'
export { npsGroup } from './npsGroup'
