import { operations } from './operations.js';
import type { ProblemCode } from './problems.js';
import { bodyErrors, type RouteSpec } from './route-spec.js';
import {
  WebhookDelivery,
  WebhookDeliveryList,
  WebhookDeliveryListQuery,
  WebhookDeliveryParams,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointList,
  WebhookEndpointParams,
  WebhookEndpointUpdate,
  WebhookEndpointWithSecret,
} from './webhooks.js';

const meErrors: ProblemCode[] = ['unauthorized', 'token_expired', 'forbidden'];

/** The specialist's outgoing webhooks: endpoints, their signing secrets, and what was delivered. */
export const webhookRoutes = {
  listWebhookEndpoints: {
    ...operations.listWebhookEndpoints,
    summary: 'Your webhook endpoints, in the order they were created.',
    tag: 'Webhooks',
    response: { status: 200, schema: WebhookEndpointList, description: 'The endpoints (never their secrets).' },
    errors: meErrors,
  },
  createWebhookEndpoint: {
    ...operations.createWebhookEndpoint,
    summary: 'Register an https:// endpoint for some event types. Answers its signing secret, once.',
    tag: 'Webhooks',
    body: WebhookEndpointCreate,
    response: { status: 201, schema: WebhookEndpointWithSecret, description: 'The endpoint and its signing secret (`whsec_…`), shown only now.' },
    errors: [...bodyErrors, ...meErrors, 'invalid_webhook_url', 'too_many_webhook_endpoints'],
  },
  retrieveWebhookEndpoint: {
    ...operations.retrieveWebhookEndpoint,
    summary: 'One of your webhook endpoints.',
    tag: 'Webhooks',
    params: WebhookEndpointParams,
    response: { status: 200, schema: WebhookEndpoint, description: 'The endpoint.' },
    errors: [...meErrors, 'webhook_endpoint_not_found'],
  },
  updateWebhookEndpoint: {
    ...operations.updateWebhookEndpoint,
    summary: 'Change the URL, event types, description, or turn the endpoint off and on.',
    tag: 'Webhooks',
    params: WebhookEndpointParams,
    body: WebhookEndpointUpdate,
    response: { status: 200, schema: WebhookEndpoint, description: 'The endpoint after the change.' },
    errors: [...bodyErrors, ...meErrors, 'webhook_endpoint_not_found', 'invalid_webhook_url'],
  },
  deleteWebhookEndpoint: {
    ...operations.deleteWebhookEndpoint,
    summary: 'Remove an endpoint; what was still waiting to be delivered to it is not sent.',
    tag: 'Webhooks',
    params: WebhookEndpointParams,
    response: { status: 200, schema: WebhookEndpoint, description: 'The removed endpoint.' },
    errors: [...meErrors, 'webhook_endpoint_not_found'],
  },
  rotateWebhookSecret: {
    ...operations.rotateWebhookSecret,
    summary: 'A new signing secret. For 24 hours deliveries carry signatures with both the new and the previous secret.',
    tag: 'Webhooks',
    params: WebhookEndpointParams,
    response: { status: 200, schema: WebhookEndpointWithSecret, description: 'The endpoint and its new secret, shown only now.' },
    errors: [...meErrors, 'webhook_endpoint_not_found'],
  },
  listWebhookDeliveries: {
    ...operations.listWebhookDeliveries,
    summary: 'What was sent to an endpoint, newest first: event type, status, attempts, the last HTTP status and error.',
    tag: 'Webhooks',
    params: WebhookEndpointParams,
    query: WebhookDeliveryListQuery,
    response: { status: 200, schema: WebhookDeliveryList, description: 'A page of deliveries.' },
    errors: ['invalid_request', ...meErrors, 'webhook_endpoint_not_found'],
  },
  redeliverWebhook: {
    ...operations.redeliverWebhook,
    summary: 'Send a delivery again, as a new delivery with the same message (same `webhook-id` and body, new signature).',
    tag: 'Webhooks',
    params: WebhookDeliveryParams,
    response: { status: 201, schema: WebhookDelivery, description: 'The new delivery, due now.' },
    errors: [...meErrors, 'webhook_endpoint_not_found', 'webhook_delivery_not_found', 'webhook_endpoint_disabled', 'webhook_redelivery_pending'],
  },
} as const satisfies Record<string, RouteSpec>;
