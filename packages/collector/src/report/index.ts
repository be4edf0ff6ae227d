export { buildReport } from './buildReport'
export type { RetentionReport } from './retention/types'
export type {
  CampaignRow,
  CartsSection,
  CsatSection,
  NpsSection,
  PushSection,
  Report,
  ReportParams,
} from './types'
