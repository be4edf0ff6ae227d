export {
  createWebhook,
  signature,
  type Webhook,
  type WebhookFilter,
  type WebhookOptions,
} from './createWebhook'
export { webhookFromEnv } from './webhookFromEnv'
