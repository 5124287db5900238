/** Problem codes of outgoing webhooks: endpoints, their deliveries. */
export const webhookProblemCodes = {
  webhook_endpoint_not_found: { status: 404, title: 'Webhook endpoint not found' },
  webhook_delivery_not_found: { status: 404, title: 'Webhook delivery not found' },
  webhook_endpoint_disabled: { status: 409, title: 'The webhook endpoint is disabled' },
  webhook_redelivery_pending: { status: 409, title: 'A redelivery of this message is on its way' },
  too_many_webhook_endpoints: { status: 409, title: 'Too many webhook endpoints' },
  invalid_webhook_url: { status: 422, title: 'The webhook URL cannot be used' },
} as const satisfies Record<string, { status: number; title: string }>;
