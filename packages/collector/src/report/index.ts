export { buildReport } from './buildReport'
export type { RetentionReport } from './retention/types'
export type {
  CampaignKind,
  CampaignRow,
  CartsSection,
  CsatSection,
  NpsSection,
  PushSection,
  Report,
  ReportParams,
} from './types'
