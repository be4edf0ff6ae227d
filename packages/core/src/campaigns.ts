// @linger/core/campaigns: the part loaded right after the page view — config validation,
// targeting, triggers, cart and push — started on top of a running page (`Base`).
export type { Base, Campaigns, CampaignsFactory } from './runtime/base'
export { campaignsFromInput } from './runtime/campaignsFromInput'
export { startCampaigns } from './runtime/startCampaigns'
