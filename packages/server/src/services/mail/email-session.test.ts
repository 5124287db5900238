import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { deliveries, specialists } from '../../db/schema.js';
import { testApp } from '../../testing/test-app.js';
import { linksOf, mailTestApp, type MailTestApp } from '../../testing/mail-app.js';
import type { MailTransport, OutgoingMail } from './port.js';

// After the session, the specialist's morning, a server without mail, and a mail provider that
// hangs.

const MONDAY = '2026-11-23T09:00:00Z';
const customer = { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'Europe/Berlin' };
let m: MailTestApp | undefined;
afterEach(async () => {
  await m?.closeAll();
  m = undefined;
});

describe('after the session', () => {
  it('a completed session asks the customer for feedback on their booking page, as optional mail', async () => {
    m = await mailTestApp();
    const { booking } = await m.book(MONDAY, customer);
    await m.settle();
    m.setNow(Date.parse(MONDAY) + 45 * 60_000);
    expect((await m.json(`/v1/me/bookings/${booking.id}/complete`, { method: 'POST', headers: { authorization: `Bearer ${m.apiKey}` } })).status).toBe(200);
    await m.settle();
    const followUp = m.to('grace@example.com').find((x) => x.subject === 'How was your session with Dr. Ada Demo?')!;
    expect(followUp.text).toContain('Would you tell us how it went?');
    expect(linksOf(followUp).some((l) => l.startsWith(`https://coach.example/book#slotwise-booking=${booking.id}&slotwise-token=`))).toBe(true);
    expect(followUp.headers['List-Unsubscribe'] ?? followUp.headers['list-unsubscribe']).toMatch(/unsubscribe\?token=/);
  });

  it('links "Review your session" to the booking page with a token of its own, which writes the review', async () => {
    m = await mailTestApp();
    const { booking } = await m.book(MONDAY, customer);
    await m.settle();
    m.setNow(Date.parse(MONDAY) + 45 * 60_000);
    await m.json(`/v1/me/bookings/${booking.id}/complete`, { method: 'POST', headers: { authorization: `Bearer ${m.apiKey}` } });
    await m.settle();
    const followUp = m.to('grace@example.com').find((x) => x.subject === 'How was your session with Dr. Ada Demo?')!;
    const link = /Review your session: (\S+)/.exec(followUp.text)?.[1];
    expect(link).toMatch(new RegExp(`^https://coach\\.example/book#slotwise-booking=${booking.id}&slotwise-token=`));
    const token = new URLSearchParams(new URL(link!).hash.slice(1)).get('slotwise-token')!;
    const res = await m.json(`/v1/bookings/${booking.id}/review`, { body: { rating: 5, text: 'Thank you' }, headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rating: 5, reviewer: 'Grace H.' });
  });

  it("carries the notes and recording the specialist shared by the time it goes, as text; sharing later sends nothing more", async () => {
    m = await mailTestApp();
    const { booking } = await m.book(MONDAY, customer);
    await m.settle();
    const me = { authorization: `Bearer ${m.apiKey}` };
    const shared = { sharedNotes: 'Practise the <b>pitch</b>.\nRead chapter 3.', recordingUrl: 'https://rec.example/s/42' };
    expect((await m.json(`/v1/me/bookings/${booking.id}/notes`, { method: 'PUT', body: { notes: 'PRIVATE-77', ...shared }, headers: me })).status).toBe(200);
    m.setNow(Date.parse(MONDAY) + 45 * 60_000);
    expect((await m.json(`/v1/me/bookings/${booking.id}/complete`, { method: 'POST', headers: me })).status).toBe(200);
    await m.settle();
    const followUp = m.to('grace@example.com').find((x) => x.subject === 'How was your session with Dr. Ada Demo?')!;
    expect(followUp.text).toContain("Dr. Ada Demo's notes from your session:\n\nPractise the <b>pitch</b>.\nRead chapter 3.");
    expect(followUp.html).toContain('Practise the &lt;b&gt;pitch&lt;/b&gt;.<br>Read chapter 3.');
    expect(followUp.html).not.toContain('<b>pitch');
    expect(followUp.text).toContain('Watch the recording: https://rec.example/s/42');
    expect(linksOf(followUp)).toContain('https://rec.example/s/42');
    expect(followUp.text + followUp.html).not.toContain('PRIVATE-77');

    const sent = m.to('grace@example.com').length;
    expect((await m.json(`/v1/me/bookings/${booking.id}/notes`, { method: 'PUT', body: { sharedNotes: 'One more thing' }, headers: me })).status).toBe(200);
    await m.settle();
    expect(m.to('grace@example.com')).toHaveLength(sent);
  });

  it('asks nobody about a session completed long after it ended (a backlog caught up)', async () => {
    m = await mailTestApp();
    const { booking } = await m.book(MONDAY, customer);
    await m.settle();
    m.setNow(Date.parse(MONDAY) + 10 * 86_400_000);
    expect((await m.json(`/v1/me/bookings/${booking.id}/complete`, { method: 'POST', headers: { authorization: `Bearer ${m.apiKey}` } })).status).toBe(200);
    await m.settle();
    expect(m.to('grace@example.com').map((x) => x.subject)).not.toContain('How was your session with Dr. Ada Demo?');
  });
});

describe('the daily agenda', () => {
  it('goes at 07:00 in the specialist’s zone to those who asked for it, listing the day’s sessions; a day without any sends nothing', async () => {
    m = await mailTestApp();
    await m.database.write((tx) => tx.update(specialists).set({ dailyAgenda: true }).where(eq(specialists.handle, 'demo')));
    await m.book(MONDAY, customer);
    await m.book('2026-11-23T13:30:00Z', { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' });
    await m.settle();
    await m.app.tick(); // Friday noon: plans Friday's (no sessions) and Saturday's
    // Monday 07:00 in Berlin is 06:00 UTC.
    for (const at of ['2026-11-21T06:00:00Z', '2026-11-22T06:00:00Z', '2026-11-23T05:59:00Z', '2026-11-23T06:00:00Z']) {
      m.setNow(Date.parse(at));
      await m.app.tick();
    }
    await m.settle();
    const agendas = m.to('demo@slotwise.local').filter((x) => x.subject.startsWith('Today'));
    expect(agendas.map((x) => x.subject)).toEqual(['Today, Monday, November 23, 2026: 2 sessions']);
    expect(agendas[0]!.text).toContain('- 10:00 AM – 10:30 AM — Grace Hopper, Intro call');
    expect(agendas[0]!.text).toContain('- 2:30 PM – 3:00 PM — Ada, Intro call');
    expect(agendas[0]!.headers['List-Unsubscribe'] ?? agendas[0]!.headers['list-unsubscribe']).toBeTruthy();
    const rows = (await m.database.db.select().from(deliveries).where(eq(deliveries.kind, 'specialist.agenda'))).map((d) => [(d.data as { date: string }).date, d.status]);
    expect(rows).toEqual(expect.arrayContaining([['2026-11-21', 'skipped'], ['2026-11-22', 'skipped'], ['2026-11-23', 'sent']]));
  });

  it('is not planned for a specialist who did not ask for it', async () => {
    m = await mailTestApp();
    await m.book(MONDAY, customer);
    m.setNow(Date.parse('2026-11-23T06:00:00Z'));
    await m.app.tick();
    expect(await m.database.db.select().from(deliveries).where(eq(deliveries.kind, 'specialist.agenda'))).toHaveLength(0);
  });
});

describe('without mail, and with a mail provider that hangs', () => {
  it('a server without a mail transport plans no email and says so in the booking answer', async () => {
    const t = await testApp();
    try {
      const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: MONDAY, customer } });
      expect(res.status).toBe(201);
      expect(res.body.notifications).toEqual({ email: 'off' });
      await t.app.deliveries.idle();
      expect(await t.database.db.select().from(deliveries).where(eq(deliveries.channel, 'email'))).toHaveLength(0);
    } finally {
      t.close();
    }
  });

  it('answers the booking while the provider has not answered yet; the message goes once the provider does', async () => {
    const pending: { mail: OutgoingMail; release: () => void }[] = [];
    const hanging: MailTransport = {
      name: 'hanging',
      send: (mail) => new Promise((resolve) => pending.push({ mail, release: () => resolve({ providerId: 'late' }) })),
    };
    const t = await testApp({ mail: hanging, links: { api: 'https://api.slotwise.test', manage: 'https://coach.example/book' } });
    try {
      const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: MONDAY, customer } });
      expect(res.status).toBe(201);
      expect(res.body.notifications).toEqual({ email: 'queued' });
      // Wait until the dispatcher is inside the provider call, with the booking long answered.
      for (let i = 0; i < 500 && pending.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
      expect(pending.map((p) => p.mail.to).sort()).toEqual(['demo@slotwise.local', 'grace@example.com']);
      const during = await t.json('/v1/specialists/demo');
      expect(during.status).toBe(200); // the API keeps answering while the provider hangs
      for (const p of pending) p.release();
      await t.app.deliveries.idle();
      const sent = (await t.database.db.select().from(deliveries).where(eq(deliveries.channel, 'email'))).filter((d) => d.status === 'sent');
      expect(sent.map((d) => d.kind).sort()).toEqual(['customer.confirmed', 'specialist.new_booking']);
    } finally {
      t.close();
    }
  });
});
