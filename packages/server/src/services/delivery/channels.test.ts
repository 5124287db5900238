import { asc, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema.js';
import { twilioSms } from '../../providers/sms/twilio.js';
import { mailTestApp, type MailTestApp } from '../../testing/mail-app.js';
import { memo, type OutboxEvent } from './channel.js';
import { CHANNELS } from './channels.js';

// Every channel plans from every outbox row, whatever its topic: those that act on sessions
// (meeting, in-app notices, SMS) must plan nothing for a package's events — not throw, which
// would fail the planning transaction and hold up every row behind it.

let m: MailTestApp;
beforeEach(async () => {
  // SMS on, so its channel is asked for real (it answers nothing without a transport either way).
  m = await mailTestApp({ sms: twilioSms({ accountSid: 'AC00000000000000000000000000000000', authToken: 'token', from: '+15005550006', baseUrl: 'http://127.0.0.1:9' }), dispatchAfterCommit: false });
});
afterEach(() => m.closeAll());

async function packageEvents(): Promise<OutboxEvent[]> {
  const made = await m.json('/v1/me/packages', { body: { name: 'Pair', sessionCount: 1, serviceIds: [m.intro.id], price: 0, validityDays: 30 }, headers: { authorization: `Bearer ${m.apiKey}` } });
  const bought = await m.json(`/v1/packages/${made.body.id}/purchases`, { body: { customer: m.customer } });
  const booked = await m.json('/v1/bookings', { body: { specialist: 'demo', service: m.intro.id, start: '2026-11-23T09:00:00Z', customer: m.customer, credit: { token: bought.body.creditsToken } } });
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  const rows = (await m.database.db.select().from(outbox).orderBy(asc(outbox.createdAt), sql`rowid`)) as OutboxEvent[];
  return rows.filter((r) => !r.topic.startsWith('booking.'));
}

describe('the delivery channels', () => {
  it('cope with events that are not booking changes: only email, the specialist’s notice of a sale (and webhooks, for a purchase) plan anything', async () => {
    const events = await packageEvents();
    expect(events.map((e) => e.topic)).toEqual(['package.purchased', 'credits.low']);
    const planned: Record<string, string[]> = {};
    const writes: unknown[] = [];
    for (const event of events) {
      for (const channel of CHANNELS) {
        const drafts = await channel.plan(m.database.db, event, { now: m.now(), deps: m.app.deps, planned: [], also: (q) => void writes.push(q), once: memo() });
        planned[`${event.topic} ${channel.name}`] = drafts.map((d) => d.kind);
      }
    }
    expect(writes).toEqual([]); // a purchase's events cancel nothing
    expect(planned).toEqual({
      'package.purchased meeting': [],
      'package.purchased in_app': ['package.purchased'],
      'package.purchased email': ['customer.package_purchased', 'customer.credits_expiring', 'customer.credits_expiring'],
      'package.purchased webhook': [], // no endpoint registered
      'package.purchased sms': [],
      'credits.low meeting': [],
      'credits.low in_app': [],
      'credits.low email': ['customer.credits_low'],
      'credits.low webhook': [],
      'credits.low sms': [],
    });
  });
});
