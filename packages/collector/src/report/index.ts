export { buildReport } from './buildReport'
export type {
  CampaignRow,
  CartsSection,
  CsatSection,
  NpsSection,
  PushSection,
  Report,
  ReportParams,
} from './types'
