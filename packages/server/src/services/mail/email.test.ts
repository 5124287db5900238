import ICAL from 'ical.js';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveries, emailOptOuts, specialists } from '../../db/schema.js';
import type { MailboxMessage } from '../../providers/mail/mailbox.js';
import { calendarsOf, linksOf, mailTestApp, type MailTestApp } from '../../testing/mail-app.js';
import { messageIdFor } from './links.js';

// The email channel end to end: a booking change commits, the dispatcher plans and sends, and
// nodemailer delivers over SMTP into a real SMTP server on 127.0.0.1. Everything asserted here is
// read back from what that server received.

let m: MailTestApp;
beforeEach(async () => {
  m = await mailTestApp();
});
afterEach(() => m.closeAll());

const MONDAY = '2026-11-23T09:00:00Z'; // 10:00 in Berlin (the specialist), 18:00 in Tokyo (the customer)
const TUESDAY = '2026-11-24T09:00:00Z';
const HOUR = 3_600_000;
const asToken = (token: string) => ({ authorization: `Bearer ${token}` });

function vevent(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    status: event.getFirstPropertyValue('status'),
    start: (event.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>).toJSDate().toISOString(),
    organizer: String(event.getFirstPropertyValue('organizer')).toLowerCase(),
    attendee: String(event.getFirstPropertyValue('attendee')).toLowerCase(),
    location: event.getFirstPropertyValue('location'),
  };
}

const one = (messages: MailboxMessage[], subject: string) => {
  const found = messages.filter((x) => x.subject.startsWith(subject));
  expect(found.map((x) => x.subject), `exactly one "${subject}…"`).toHaveLength(1);
  return found[0]!;
};

const emailRows = async () => (await m.database.db.select().from(deliveries).where(eq(deliveries.channel, 'email'))).sort((a, b) => a.dueAt - b.dueAt);

describe('confirmation', () => {
  it('emails the customer and the specialist, each in their own zone, with an invite both calendars accept', async () => {
    const { booking, notifications } = await m.book(MONDAY);
    expect(notifications).toEqual({ email: 'queued' });
    const mail = await m.settle();
    expect(mail).toHaveLength(2);

    const customer = one(m.to('grace@example.com'), 'Confirmed: Intro call');
    expect(customer.text).toContain('Monday, November 23, 2026, 6:00 PM – 6:30 PM');
    expect(customer.text).toContain('Asia/Tokyo (GMT+9)');
    expect(customer.from).toContain('Dr. Ada Demo via Slotwise');
    expect(customer.headers['Reply-To'] ?? customer.headers['reply-to']).toContain('demo@slotwise.local');
    expect(customer.html).toContain('Your Intro call with Dr. Ada Demo is confirmed.');

    const specialist = one(m.to('demo@slotwise.local'), 'New booking: Grace Hopper');
    expect(specialist.text).toContain('Monday, November 23, 2026, 10:00 AM – 10:30 AM');
    expect(specialist.text).toContain('Europe/Berlin (GMT+1)');
    expect(specialist.text).toContain('Grace Hopper <grace@example.com>');

    for (const message of [customer, specialist]) {
      // nodemailer's icalEvent: the inline invitation and the .ics file, nothing more.
      const calendars = calendarsOf(message);
      expect(calendars).toHaveLength(2);
      const invite = vevent(calendars[0]!);
      expect(invite).toMatchObject({ method: 'REQUEST', uid: `${booking.id}@slotwise`, sequence: 0, status: 'CONFIRMED', start: '2026-11-23T09:00:00.000Z' });
      expect(invite.organizer).toBe('mailto:demo@slotwise.local');
      expect(invite.attendee).toBe('mailto:grace@example.com');
      expect(String(invite.location)).toMatch(/^https:\/\/meet\.jit\.si\//); // the meeting was made first: the invite waited for it
      expect(message.headers['List-Unsubscribe'] ?? message.headers['list-unsubscribe']).toBeUndefined(); // transactional
    }

    // The Message-ID is fixed by the delivery, so a retry of it would be the same message.
    const [row] = await m.database.db.select().from(deliveries).where(and(eq(deliveries.kind, 'customer.confirmed'), eq(deliveries.bookingId, booking.id)));
    expect(customer.messageId).toBe(await messageIdFor(row!.idempotencyKey, 'Slotwise <bookings@slotwise.test>'));
    expect(row!.idempotencyKey).not.toContain('@example.com'); // keys are logged; addresses are not
  });

  it('links a customer to their specialist’s own page when no one page is set for every specialist (PUBLIC_MANAGE_URL)', async () => {
    await m.closeAll();
    m = await mailTestApp({ links: { api: 'https://api.slotwise.test' } });
    const { booking } = await m.book(MONDAY);
    const customer = one(await m.settle().then(() => m.to('grace@example.com')), 'Confirmed');
    const manage = linksOf(customer).find((l) => l.includes('#slotwise-booking='))!;
    expect(manage).toMatch(new RegExp(`^https://api\\.slotwise\\.test/demo\\?lang=en#slotwise-booking=${booking.id}&slotwise-token=`));

    // Booked in Japanese: the page opens in Japanese, whatever the browser that follows the link asks for.
    const japanese = await m.book('2026-11-23T10:00:00Z', { name: 'Kenji Tanaka', email: 'kenji@example.com', timeZone: 'Asia/Tokyo' }, { customer: { name: 'Kenji Tanaka', email: 'kenji@example.com', timeZone: 'Asia/Tokyo', locale: 'ja' } });
    const mail = one(await m.settle().then(() => m.to('kenji@example.com')), '予約確定');
    const link = new URL(linksOf(mail).find((l) => l.includes('#slotwise-booking='))!);
    expect(link.searchParams.get('lang')).toBe('ja');
    expect(link.hash).toContain(`slotwise-booking=${japanese.booking.id}`);
    const page = await m.app.request(`/demo${link.search}`, { headers: { 'accept-language': 'en-US' } });
    expect(await page.text()).toContain('<html lang="ja"');
  });

  it('links the customer to their booking, its calendar file and its receipt with a token minted for this email', async () => {
    const { booking, manageToken } = await m.book(MONDAY);
    const customer = one(await m.settle().then(() => m.to('grace@example.com')), 'Confirmed');
    // In the fragment, which the widget reads and no server sees: nothing in the query for a site's logs.
    const manage = linksOf(customer).find((l) => l.startsWith('https://coach.example/book#'))!;
    const url = new URL(manage);
    expect(url.search).toBe('');
    const fragment = new URLSearchParams(url.hash.slice(1));
    expect(fragment.get('slotwise-booking')).toBe(booking.id);
    const token = fragment.get('slotwise-token')!;
    expect(token).not.toBe(manageToken); // its own token, not the one answered at creation
    const read = await m.json(`/v1/bookings/${booking.id}`, { headers: asToken(token) });
    expect(read.status).toBe(200);
    expect(linksOf(customer)).toContain(`https://api.slotwise.test/v1/bookings/${booking.id}/calendar.ics?token=${token}`);
  });

  it('escapes everything a person typed, in HTML, and keeps it readable in text', async () => {
    await m.book(MONDAY, { name: '<b>Eve</b> & "Co"', email: 'eve@example.com', timeZone: 'Europe/Berlin' }, { notes: '<script>alert(1)</script>' });
    await m.settle();
    const specialist = one(m.to('demo@slotwise.local'), 'New booking');
    expect(specialist.html).not.toContain('<script>');
    expect(specialist.html).not.toContain('<b>Eve</b>');
    expect(specialist.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(specialist.html).toContain('&lt;b&gt;Eve&lt;/b&gt; &amp; &quot;Co&quot;');
    expect(specialist.text).toContain('<script>alert(1)</script>');
    expect(specialist.subject).toBe('New booking: <b>Eve</b> & "Co", Mon, Nov 23, 10:00 AM');
  });

  it('sends the specialist’s copy to their notification address when they set one', async () => {
    await m.database.write((tx) => tx.update(specialists).set({ notificationEmail: 'inbox@coach.example' }).where(eq(specialists.handle, 'demo')));
    await m.book(MONDAY);
    await m.settle();
    one(m.to('inbox@coach.example'), 'New booking');
    expect(m.to('demo@slotwise.local')).toHaveLength(0);
  });
});

describe('changes update the same calendar event', () => {
  it('reschedule → same UID, SEQUENCE 1 at the new time; cancel → METHOD:CANCEL, SEQUENCE 2', async () => {
    const { booking, manageToken } = await m.book(MONDAY);
    await m.settle();
    const moved = await m.json(`/v1/bookings/${booking.id}/reschedule`, { body: { start: TUESDAY }, headers: asToken(manageToken) });
    expect(moved.status).toBe(200);
    await m.settle();
    const customerMove = one(m.to('grace@example.com'), 'Moved: Intro call');
    expect(customerMove.text).toContain('Previously: Monday, November 23, 2026, 6:00 PM – 6:30 PM');
    const specialistMove = one(m.to('demo@slotwise.local'), 'Moved: Grace Hopper');
    for (const message of [customerMove, specialistMove]) {
      expect(vevent(calendarsOf(message)[0]!)).toMatchObject({ method: 'REQUEST', uid: `${booking.id}@slotwise`, sequence: 1, start: '2026-11-24T09:00:00.000Z' });
    }

    const cancelled = await m.json(`/v1/bookings/${booking.id}/cancel`, { body: { reason: 'Travelling' }, headers: asToken(manageToken) });
    expect(cancelled.status).toBe(200);
    await m.settle();
    const customerCancel = one(m.to('grace@example.com'), 'Cancelled: Intro call');
    expect(customerCancel.text).toContain('is cancelled, as you asked');
    const specialistCancel = one(m.to('demo@slotwise.local'), 'Cancelled: Grace Hopper');
    expect(specialistCancel.text).toContain('Reason: Travelling');
    // A cancelled booking can be looked at, not changed; and whether the time is open again is not this email's to say.
    expect(customerCancel.text).toMatch(/View your booking: https:\/\/coach\.example\/book#slotwise-booking=/);
    expect(customerCancel.text).not.toContain('View or change');
    expect(specialistCancel.text).toContain('The time is no longer held for this booking: others can book it if it is still within your hours.');
    // Each in the reader's own zone, named, as the confirmation does.
    expect(customerCancel.text).toContain('When: Tuesday, November 24, 2026, 6:00 PM – 6:30 PM');
    expect(customerCancel.text).toContain('Times are in Asia/Tokyo (GMT+9).');
    expect(specialistCancel.text).toContain('When: Tuesday, November 24, 2026, 10:00 AM – 10:30 AM');
    expect(specialistCancel.text).toContain('Times are in Europe/Berlin (GMT+1).');
    for (const message of [customerCancel, specialistCancel]) {
      expect(vevent(calendarsOf(message)[0]!)).toMatchObject({ method: 'CANCEL', uid: `${booking.id}@slotwise`, sequence: 2, status: 'CANCELLED' });
    }
    expect(m.mailbox.messages()).toHaveLength(6);
  });
});

describe('reminders', () => {
  it('are planned at the specialist’s hours for both sides, sent when due with List-Unsubscribe, and "starting soon" when the join window opens', async () => {
    const { booking } = await m.book(MONDAY);
    await m.settle();
    const start = Date.parse(MONDAY);
    const timed = (await emailRows()).filter((d) => d.status === 'pending');
    expect(timed.map((d) => [d.kind, d.dueAt - start])).toEqual([
      ['customer.reminder', -24 * HOUR],
      ['specialist.reminder', -24 * HOUR],
      ['customer.reminder', -HOUR],
      ['specialist.reminder', -HOUR],
      ['customer.starting', -10 * 60_000],
    ]);

    m.setNow(start - 24 * HOUR);
    await m.app.tick();
    const reminder = one(m.to('grace@example.com'), 'Reminder: Intro call');
    expect(reminder.text).toContain('starts in about a day');
    const unsubscribe = reminder.headers['List-Unsubscribe'] ?? reminder.headers['list-unsubscribe'];
    expect(unsubscribe).toMatch(/^<https:\/\/api\.slotwise\.test\/v1\/unsubscribe\?token=[^>]+>$/);
    expect(reminder.headers['List-Unsubscribe-Post'] ?? reminder.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    one(m.to('demo@slotwise.local'), 'Reminder: Grace Hopper');

    m.setNow(start - HOUR);
    await m.app.tick();
    m.setNow(start - 10 * 60_000);
    await m.app.tick();
    const starting = one(m.to('grace@example.com'), 'Starting soon: Intro call');
    expect(linksOf(starting).some((l) => l.startsWith('https://meet.jit.si/'))).toBe(true);
    expect(m.to('grace@example.com').map((x) => x.subject.split(':')[0])).toEqual(['Confirmed', 'Reminder', 'Reminder', 'Starting soon']);
    // "View or change" while the policy lets the customer change it (the intro call: until 24 hours
    // before); an hour before, only "View".
    const [confirmed, , lastReminder] = m.to('grace@example.com');
    expect(confirmed!.text).toContain('View or change your booking:');
    expect(lastReminder!.text).toContain('View your booking:');
    expect(lastReminder!.text).not.toContain('View or change');
    // Due once: more ticks send nothing again.
    await m.app.tick();
    await m.app.tick();
    expect(m.mailbox.messages()).toHaveLength(2 + 2 + 2 + 1);
    expect((await emailRows()).every((d) => d.status === 'sent')).toBe(true);
    expect(booking.id).toBeTruthy();
  });

  it('a moved booking gets reminders for its new time and none for the old one; a cancelled one gets none', async () => {
    const { booking, manageToken } = await m.book(MONDAY);
    await m.settle();
    await m.json(`/v1/bookings/${booking.id}/reschedule`, { body: { start: TUESDAY }, headers: asToken(manageToken) });
    await m.settle();
    const rows = await emailRows();
    const old = rows.filter((d) => (d.data as { startAt?: number }).startAt === Date.parse(MONDAY));
    expect(old.map((d) => d.kind).sort()).toEqual(['customer.reminder', 'customer.reminder', 'customer.starting', 'specialist.reminder', 'specialist.reminder']);
    expect(old.every((d) => d.status === 'cancelled')).toBe(true);
    const fresh = rows.filter((d) => d.status === 'pending');
    expect(fresh.map((d) => d.dueAt - Date.parse(TUESDAY)).sort((a, b) => a - b)).toEqual([-24 * HOUR, -24 * HOUR, -HOUR, -HOUR, -10 * 60_000]);

    // Sent at the old 24 h mark: nothing (the old ones are cancelled).
    m.setNow(Date.parse(MONDAY) - 24 * HOUR);
    await m.app.tick();
    expect(m.mailbox.messages().filter((x) => x.subject.startsWith('Reminder'))).toHaveLength(0);

    await m.json(`/v1/bookings/${booking.id}/cancel`, { body: {}, headers: asToken(manageToken) });
    await m.settle();
    expect((await emailRows()).filter((d) => d.status === 'pending')).toHaveLength(0);
    m.setNow(Date.parse(TUESDAY) - HOUR);
    await m.app.tick();
    expect(m.mailbox.messages().filter((x) => x.subject.startsWith('Reminder') || x.subject.startsWith('Starting'))).toHaveLength(0);
  });

  it('never plans one already due, and after a long outage sends only the reminder that still makes sense', async () => {
    // Booked 2 h ahead: no 24 h reminder at all.
    const soon = await m.book('2026-11-20T14:00:00Z');
    await m.settle();
    const planned = (await emailRows()).filter((d) => d.bookingId === soon.booking.id && d.status === 'pending').map((d) => d.kind);
    expect(planned.sort()).toEqual(['customer.reminder', 'customer.starting', 'specialist.reminder']);

    // Down from before the 24 h mark of Monday's booking until 30 minutes before it starts.
    const { booking } = await m.book(MONDAY);
    await m.settle();
    m.setNow(Date.parse(MONDAY) - 30 * 60_000);
    await m.app.tick();
    const mine = (await emailRows()).filter((d) => d.bookingId === booking.id && d.kind === 'customer.reminder');
    expect(mine.map((d) => [(Date.parse(MONDAY) - d.dueAt) / HOUR, d.status])).toEqual([
      [24, 'skipped'],
      [1, 'sent'],
    ]);
    // And once the session has started, nothing more is sent for it.
    m.setNow(Date.parse(MONDAY) + 31 * 60_000);
    await m.app.tick();
    expect(m.to('grace@example.com').filter((x) => x.subject.includes('Intro call, Mon'))).toHaveLength(2); // confirmation + one reminder
  });

  it('"starting soon" goes when the join window opens, as the server sets it', async () => {
    await m.closeAll();
    m = await mailTestApp({ joinWindow: { opensMinutesBefore: 15, closesMinutesAfter: 0 } });
    await m.book(MONDAY);
    await m.settle();
    const starting = (await emailRows()).find((d) => d.kind === 'customer.starting')!;
    expect(Date.parse(MONDAY) - starting.dueAt).toBe(15 * 60_000);
  });

  it('follow the hours the specialist chose', async () => {
    await m.database.write((tx) => tx.update(specialists).set({ reminderHours: [48] }).where(eq(specialists.handle, 'demo')));
    await m.book(TUESDAY);
    await m.settle();
    const leads = (await emailRows()).filter((d) => d.kind.endsWith('.reminder')).map((d) => (Date.parse(TUESDAY) - d.dueAt) / HOUR);
    expect(leads).toEqual([48, 48]);
  });
});

describe('unsubscribing', () => {
  it('asks on GET, stops reminders on a one-click POST, and never stops the booking’s own messages', async () => {
    const { booking } = await m.book(TUESDAY);
    await m.settle();
    m.setNow(Date.parse(TUESDAY) - 24 * HOUR);
    await m.app.tick();
    const reminder = one(m.to('grace@example.com'), 'Reminder');
    const link = /<([^>]+)>/.exec(reminder.headers['List-Unsubscribe'] ?? reminder.headers['list-unsubscribe']!)![1]!;
    const path = link.replace('https://api.slotwise.test', '');

    const page = await m.app.request(path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(await page.text()).toContain('Stop reminders from Dr. Ada Demo?');
    expect(await m.database.db.select().from(emailOptOuts)).toHaveLength(0); // a link scanner's GET stops nothing

    const oneClick = await m.app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('you will not receive reminders from Dr. Ada Demo any more');
    expect(await m.database.db.select({ email: emailOptOuts.email, kind: emailOptOuts.kind }).from(emailOptOuts)).toEqual([{ email: 'grace@example.com', kind: 'reminder' }]);

    m.setNow(Date.parse(TUESDAY) - HOUR);
    await m.app.tick();
    expect(m.to('grace@example.com').filter((x) => x.subject.startsWith('Reminder'))).toHaveLength(1);
    expect(m.to('demo@slotwise.local').filter((x) => x.subject.startsWith('Reminder'))).toHaveLength(2); // the specialist did not unsubscribe
    const skipped = (await emailRows()).filter((d) => d.kind === 'customer.reminder' && d.status === 'skipped');
    expect(skipped).toHaveLength(1);

    // Transactional mail still goes (the specialist may cancel this late; the customer may not).
    expect((await m.json(`/v1/me/bookings/${booking.id}/cancel`, { body: {}, headers: asToken(m.apiKey) })).status).toBe(200);
    await m.settle();
    one(m.to('grace@example.com'), 'Cancelled');
  });

  it('refuses a token that was tampered with, and one signed by another server', async () => {
    await m.book(TUESDAY);
    await m.settle();
    m.setNow(Date.parse(TUESDAY) - 24 * HOUR);
    await m.app.tick();
    const reminder = one(m.to('grace@example.com'), 'Reminder');
    const token = new URL(/<([^>]+)>/.exec(reminder.headers['List-Unsubscribe'] ?? reminder.headers['list-unsubscribe']!)![1]!).searchParams.get('token')!;
    const [body, signature] = token.split('.') as [string, string];
    const forged = `${Buffer.from(JSON.stringify({ e: 'someone@else.example', s: 'sp_x', k: '*' })).toString('base64url')}.${signature}`;
    for (const bad of [forged, `${body}.${signature.slice(0, -2)}AA`, 'nonsense', '']) {
      const res = await m.app.request(`/v1/unsubscribe?token=${encodeURIComponent(bad)}`, { method: 'POST' });
      expect(res.status).toBe(400);
    }
    expect(await m.database.db.select().from(emailOptOuts)).toHaveLength(0);
  });
});
