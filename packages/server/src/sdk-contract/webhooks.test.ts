import { isSlotwiseError, verifyWebhook } from '@slotwise/sdk';
import { WebhookDelivery, WebhookDeliveryList, WebhookEndpoint, WebhookEndpointList, WebhookEndpointWithSecret } from '@slotwise/sdk/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver.js';
import { failure, sdkTestApp, type SdkTestApp } from './sdk-test-app.js';

// `client.me.webhooks.*` against the real app and a real receiver on 127.0.0.1: every method,
// its answer parsed by the contract's schema, and a delivery the SDK's own helper verifies.

let t: SdkTestApp;
let rx: WebhookReceiver;
beforeAll(async () => {
  t = await sdkTestApp({ now: Date.parse('2026-11-20T12:00:00Z'), allowLoopbackWebhooks: true });
  rx = await webhookReceiver();
});
afterAll(async () => {
  await t.app.deliveries.idle();
  await rx.close();
  t.close();
});

describe('client.me.webhooks', () => {
  it('manages an endpoint, and what it receives verifies with verifyWebhook', async () => {
    const hooks = t.specialist.me.webhooks;
    const created = WebhookEndpointWithSecret.parse(await hooks.create({ url: `${rx.url}/sdk`, eventTypes: ['booking.confirmed'], description: 'SDK' }));
    expect(WebhookEndpointList.parse(await hooks.list()).data.map((e) => e.id)).toEqual([created.id]);
    expect(WebhookEndpoint.parse(await hooks.retrieve(created.id))).toMatchObject({ description: 'SDK', enabled: true });
    expect(await hooks.update(created.id, { eventTypes: ['booking.confirmed', 'booking.cancelled'] })).toMatchObject({ eventTypes: ['booking.confirmed', 'booking.cancelled'] });

    const { booking, manageToken } = await t.visitor.bookings.create({
      specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z', customer: { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' },
    });
    await t.visitor.bookings.cancel(booking.id, {}, { manageToken });
    await t.app.deliveries.idle();
    const events = await Promise.all(rx.received.map((r) => verifyWebhook(r.body, r.headers, created.secret, { now: t.now })));
    expect(events.map((e) => e.type).sort()).toEqual(['booking.cancelled', 'booking.confirmed']);
    expect(events.every((e) => 'booking' in e.data && e.data.booking.id === booking.id)).toBe(true);

    const log = WebhookDeliveryList.parse(await hooks.deliveries.list(created.id, { limit: 1 }));
    expect(log).toMatchObject({ hasMore: true, data: [{ status: 'sent', lastStatusCode: 200 }] });
    const again = WebhookDelivery.parse(await hooks.deliveries.redeliver(created.id, log.data[0]!.id));
    expect(again).toMatchObject({ status: 'pending', messageId: log.data[0]!.messageId, redeliveryOf: log.data[0]!.id });

    const rotated = WebhookEndpointWithSecret.parse(await hooks.rotateSecret(created.id));
    expect(rotated.secret).not.toBe(created.secret);
    expect(rotated.previousSecretExpiresAt).not.toBeNull();
    expect(await hooks.delete(created.id)).toMatchObject({ id: created.id });

    const gone = await failure(hooks.retrieve(created.id));
    expect(isSlotwiseError(gone, 'webhook_endpoint_not_found')).toBe(true);
    expect(gone.status).toBe(404);
    const refused = await failure(hooks.create({ url: 'https://10.0.0.1/hook', eventTypes: ['*'] }));
    expect(refused).toMatchObject({ status: 422, code: 'invalid_webhook_url' });
    expect(refused.problem.errors?.[0]?.field).toBe('body.url');
  });
});
