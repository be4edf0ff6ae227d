// @linger/core/campaigns: the campaigns part — config validation, targeting, triggers, cart
// and push — started on the running page part (`Page`, from `startPage`).
export type { CampaignsPart } from './campaigns/CampaignsPart'
export { startCampaigns } from './campaigns/startCampaigns'
export { whenIdle } from './campaigns/whenIdle'
export type { Page } from './page/Page'
