import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { deliveries, emailOptOuts, packagePurchases, purchaseTokens } from '../../db/schema.js';
import type { MailboxMessage } from '../../providers/mail/mailbox.js';
import { connectDemo } from '../../testing/fixtures.js';
import { linksOf, mailTestApp, type MailTestApp } from '../../testing/mail-app.js';
import { hashToken } from '../ids.js';

// What a customer is told about a package: its purchase (with a credits code of the email's own),
// its credits expiring 7 days and 1 day before, and a low balance — over real SMTP into the local
// mailbox, in the customer's zone and language, HTML and text from one escaped content.

const NOW = Date.parse('2026-11-20T12:00:00Z');
const DAY = 86_400_000;
const EXPIRES = NOW + 30 * DAY; // 2026-12-20T12:00Z: Sunday 21:00 in Tokyo
const customer = { name: 'Grace "<Hopper>"', email: 'grace@example.com', timeZone: 'Asia/Tokyo' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let m: MailTestApp;
afterEach(() => m.closeAll());

async function start(options: { dispatchAfterCommit?: boolean } = {}) {
  m = await mailTestApp({ now: NOW, ...options });
}

/** A package of the demo's coaching session, on sale. */
async function offer(fields: Record<string, unknown> = {}) {
  const res = await m.json('/v1/me/packages', {
    body: { name: 'Three <b>sessions</b>', sessionCount: 3, serviceIds: [m.session.id], price: 0, validityDays: 30, ...fields },
    headers: bearer(m.apiKey),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

/** Buys (a free one: claims) the package; a priced one is paid in the offline test mode. */
async function buy(packageId: string, who = customer) {
  const res = await m.json(`/v1/packages/${packageId}/purchases`, { body: { customer: who } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { purchase: { id: string }; creditsToken: string; paymentSession: { clientSecret: string } | null };
}

const pay = (bought: Awaited<ReturnType<typeof buy>>) =>
  m.json(`/v1/test-payments/${bought.paymentSession!.clientSecret.split('_secret_')[0]}/confirm-purchase`, { body: { outcome: 'succeed' }, headers: bearer(bought.creditsToken) });

const bookWithCredit = (start: string, token: string) =>
  m.json('/v1/bookings', { body: { specialist: 'demo', service: m.session.id, start, customer, credit: { token } } });

const header = (message: MailboxMessage, name: string) => message.headers[name] ?? message.headers[name.toLowerCase()];
const codeOf = (message: MailboxMessage) => /Your credits code: (crt_[\w-]+)/.exec(message.text)?.[1];
const emails = () => m.database.db.select().from(deliveries).where(and(eq(deliveries.channel, 'email'), eq(deliveries.recipient, customer.email)));
/** What the customer was told about their credits (not their bookings), oldest first. */
const creditMail = () => m.to(customer.email).filter((x) => /credit|package/i.test(x.subject));
const tickAt = async (ms: number) => {
  m.setNow(ms);
  await m.app.tick();
  return m.settle();
};

describe('package emails', () => {
  it('tells the customer of a paid package once it is paid: what it gives, until when in their zone, and a credits code of the email’s own that books and opens the credits page', async () => {
    await start();
    await connectDemo(m.app);
    const pkg = await offer({ price: 24000 });
    const bought = await buy(pkg.id);
    // The customer's language (English as written in Britain): dates and times as they read them.
    await m.database.write((tx) => tx.update(packagePurchases).set({ customerLocale: 'en-GB' }).where(eq(packagePurchases.id, bought.purchase.id)));
    expect(await m.settle()).toHaveLength(0); // not paid: nothing was bought yet
    expect((await pay(bought)).status).toBe(200);
    const [mail, ...rest] = await m.settle();
    expect(rest).toHaveLength(0);

    expect(mail!.to).toEqual(['grace@example.com']);
    expect(mail!.subject).toBe('Your package: Three <b>sessions</b>');
    expect(mail!.from).toContain('Dr. Ada Demo via Slotwise');
    expect(header(mail!, 'List-Unsubscribe')).toBeUndefined(); // what was bought: transactional
    expect(mail!.text).toContain('Hello Grace "<Hopper>",');
    expect(mail!.text).toContain('Thank you for buying Three <b>sessions</b> from Dr. Ada Demo. We received your payment of €240.00.');
    expect(mail!.text).toContain('You have 3 credits to book sessions with until Sunday, 20 December 2026, 21:00.');
    expect(mail!.text).toContain('Times are in Asia/Tokyo (GMT+9).');
    for (const row of ['Sessions: 3', 'For: Coaching session', 'Valid for: 30 days', 'Paid: €240.00', 'Credits expire: Sunday, 20 December 2026, 21:00']) expect(mail!.text).toContain(row);
    // Escaped in HTML: nothing anyone typed becomes markup.
    expect(mail!.html).toContain('Three &lt;b&gt;sessions&lt;/b&gt;');
    expect(mail!.html).toContain('Grace &quot;&lt;Hopper&gt;&quot;');
    expect(mail!.html).not.toContain('<b>sessions');
    expect(mail!.html).toMatch(/<html lang="en-GB" dir="ltr">/);

    // Its code is a credits token of its own, stored hashed, that reaches this purchase's credits.
    const code = codeOf(mail!)!;
    expect(code).not.toBe(bought.creditsToken);
    const [minted] = await m.database.db.select().from(purchaseTokens).where(eq(purchaseTokens.purchaseId, bought.purchase.id));
    expect(minted).toMatchObject({ tokenHash: await hashToken(code), purpose: 'email' });
    expect(JSON.stringify(await m.database.db.select().from(purchaseTokens))).not.toContain(code);
    expect(await m.json('/v1/credits', { headers: bearer(code) })).toMatchObject({ status: 200, body: { total: 3, customerEmail: 'grace@example.com' } });
    const link = linksOf(mail!).find((l) => l.startsWith('https://api.slotwise.test/v1/credits/summary?token='))!;
    expect(new URL(link).searchParams.get('token')).toBe(code);
    // "Book with a credit" opens the specialist's hosted booking page with the code for its widget.
    const book = linksOf(mail!).find((l) => l.startsWith('https://api.slotwise.test/demo?'))!;
    expect(new URL(book).searchParams.get('slotwise_credits')).toBe(code);
    expect((await m.app.request(book.replace('https://api.slotwise.test', ''))).status).toBe(200);
    const page = await m.app.request(link.replace('https://api.slotwise.test', ''));
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const body = await page.text();
    expect(body).toContain('3 credits left, until Sunday, 20 December 2026 at 21:00 GMT+9');
    expect(body).toContain('<title>Your credits with Dr. Ada Demo</title>');
    expect(body).toContain('Three &lt;b&gt;sessions&lt;/b&gt;');
    expect(body).toContain(code);
    // … and books with a credit.
    expect((await bookWithCredit('2026-11-23T10:00:00Z', code)).status).toBe(201);
    expect((await m.app.request('/v1/credits/summary?token=crt_nothing')).status).toBe(404);
    expect((await m.app.request('/v1/credits/summary')).status).toBe(401);
  });

  it('writes the expiry in Japanese as Japanese joins a date and a time, with no English comma', async () => {
    await start();
    const japanese = { ...customer, locale: 'ja' };
    await buy((await offer()).id, japanese);
    const [mail] = await m.settle();
    expect(mail!.text).toContain('2026年12月20日日曜日 21:00');
    expect(mail!.text).not.toMatch(/日曜日, /);
  });

  it('plans the expiry reminders 7 days and 1 day before the credits expire, and sends them with what is left, in the customer’s zone, with List-Unsubscribe', async () => {
    await start();
    const pkg = await offer();
    const bought = await buy(pkg.id);
    await m.settle();
    const planned = (await emails()).filter((d) => d.kind === 'customer.credits_expiring').sort((a, b) => a.dueAt - b.dueAt);
    expect(planned.map((d) => [d.status, d.dueAt])).toEqual([
      ['pending', EXPIRES - 7 * DAY],
      ['pending', EXPIRES - DAY],
    ]);
    expect((await bookWithCredit('2026-11-23T10:00:00Z', bought.creditsToken)).status).toBe(201);

    await tickAt(EXPIRES - 7 * DAY - 1);
    expect(creditMail().map((x) => x.subject)).toEqual(['Your package: Three <b>sessions</b>']);
    await tickAt(EXPIRES - 7 * DAY);
    const [, week] = creditMail();
    expect(week!.subject).toBe('2 credits of Three <b>sessions</b> expire Dec 20');
    expect(week!.text).toContain('2 credits of your Three <b>sessions</b> with Dr. Ada Demo can still be used, and expire in 7 days: on Sunday, December 20, 2026');
    expect(week!.text).toContain('Credits left: 2');
    expect(codeOf(week!)).toMatch(/^crt_/);
    const unsubscribe = header(week!, 'List-Unsubscribe');
    expect(unsubscribe).toMatch(/^<https:\/\/api\.slotwise\.test\/v1\/unsubscribe\?token=[^>]+>$/);
    expect(header(week!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(week!.text).toContain('Don’t want reminders about your package credits? Unsubscribe: https://api.slotwise.test/v1/unsubscribe?token=');

    await tickAt(EXPIRES - DAY);
    const [, , tomorrow] = creditMail();
    expect(tomorrow!.subject).toBe('2 credits of Three <b>sessions</b> expire Dec 20');
    expect(tomorrow!.text).toContain('expire in about a day: on Sunday, December 20, 2026');
    await tickAt(EXPIRES + DAY);
    expect(creditMail()).toHaveLength(3); // one of each, never twice
  });

  it('skips a reminder when nothing is left to spend or the credits expired, sends one reminder after an outage, and plans none already due', async () => {
    await start();
    const used = await buy((await offer({ sessionCount: 1, name: 'One' })).id);
    expect((await bookWithCredit('2026-11-23T10:00:00Z', used.creditsToken)).status).toBe(201);
    const late = await buy((await offer({ name: 'Late' })).id);
    await m.settle();
    const short = await buy((await offer({ name: 'Week', validityDays: 7 })).id);
    const day = await buy((await offer({ name: 'Day', validityDays: 1 })).id);
    await m.settle();
    const reminders = async () => (await emails()).filter((d) => d.kind === 'customer.credits_expiring');
    const of = async (purchaseId: string) => (await reminders()).filter((d) => (d.data as { purchase: { id: string } }).purchase.id === purchaseId);
    expect((await of(short.purchase.id)).map((d) => d.dueAt)).toEqual([NOW + 6 * DAY]); // the 7-day one was due at once: never planned
    expect(await of(day.purchase.id)).toEqual([]);

    // A server down from before the 7-day reminders until 12 hours before the expiry sends the 1-day one alone.
    await tickAt(EXPIRES - DAY / 2);
    const sent = creditMail().filter((x) => x.subject.includes('expire'));
    expect(sent.map((x) => x.subject)).toEqual(['3 credits of Late expire Dec 20']);
    expect(sent[0]!.text).toContain('in about a day');
    expect((await of(used.purchase.id)).map((d) => [d.status, d.lastError])).toEqual([
      ['skipped', null],
      ['skipped', null],
    ]);
    expect((await of(late.purchase.id)).map((d) => d.status).sort()).toEqual(['sent', 'skipped']);
    expect((await of(short.purchase.id)).map((d) => d.status)).toEqual(['skipped']); // those credits expired on day 7
  });

  it('tells the customer when a booking leaves one credit, and when it spends the last, without a code to spend nothing with', async () => {
    await start();
    const bought = await buy((await offer({ sessionCount: 3 })).id);
    await m.settle();
    expect((await bookWithCredit('2026-11-23T10:00:00Z', bought.creditsToken)).status).toBe(201);
    await m.settle();
    expect(creditMail().map((x) => x.subject)).toEqual(['Your package: Three <b>sessions</b>']); // 2 left: not low
    expect((await bookWithCredit('2026-11-24T10:00:00Z', bought.creditsToken)).status).toBe(201);
    await m.settle();
    const one = creditMail().find((x) => x.subject === '1 credit left: Three <b>sessions</b>')!;
    expect(one.text).toContain('Your Three <b>sessions</b> with Dr. Ada Demo has one credit left, to use until Sunday, December 20, 2026');
    expect(one.text).toContain('Credits left: 1');
    expect(codeOf(one)).toMatch(/^crt_/);
    expect(header(one, 'List-Unsubscribe')).toMatch(/unsubscribe\?token=/);

    expect((await bookWithCredit('2026-11-25T10:00:00Z', bought.creditsToken)).status).toBe(201);
    await m.settle();
    const none = creditMail().find((x) => x.subject === 'No credits left: Three <b>sessions</b>')!;
    expect(none.text).toContain('Your last credit of Three <b>sessions</b> with Dr. Ada Demo is booked.');
    expect(none.text).toContain('For more sessions, buy another package from Dr. Ada Demo.');
    expect(codeOf(none)).toBeUndefined();
    expect(linksOf(none).some((l) => l.includes('/v1/credits/summary'))).toBe(false);
    // Nothing about credits reaches the specialist: their notices are about bookings.
    expect(m.to('demo@slotwise.local').every((x) => x.subject.startsWith('New booking'))).toBe(true);
  });

  it('does not send a low balance that a returned credit lifted before it went', async () => {
    await start({ dispatchAfterCommit: false });
    const bought = await buy((await offer({ sessionCount: 2 })).id);
    const booked = await bookWithCredit('2026-11-30T10:00:00Z', bought.creditsToken);
    expect(booked.status).toBe(201);
    expect((await m.json(`/v1/bookings/${booked.body.booking.id}/cancel`, { body: {}, headers: bearer(booked.body.manageToken) })).status).toBe(200);
    await m.app.deliveries.drain();
    const low = (await emails()).find((d) => d.kind === 'customer.credits_low')!;
    expect(low.status).toBe('skipped');
    expect(creditMail().map((x) => x.subject)).toEqual(['Your package: Three <b>sessions</b>']);
  });

  it('honours an opt-out of credit reminders: when planning, when sending, and never for the purchase itself', async () => {
    await start();
    const first = await buy((await offer({ sessionCount: 2 })).id);
    await m.settle();
    await tickAt(EXPIRES - 7 * DAY);
    const [week] = creditMail().filter((x) => x.subject.includes('expire'));
    const link = /<([^>]+)>/.exec(header(week!, 'List-Unsubscribe')!)![1]!.replace('https://api.slotwise.test', '');
    expect(await (await m.app.request(link)).text()).toContain('Stop reminders about your package credits from Dr. Ada Demo?');
    const oneClick = await m.app.request(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(oneClick.status).toBe(200);
    expect(await m.database.db.select({ kind: emailOptOuts.kind, email: emailOptOuts.email }).from(emailOptOuts)).toEqual([{ kind: 'credits', email: 'grace@example.com' }]);

    // The 1-day reminder already planned is skipped when due; a low balance is not planned; a new purchase still says so, without reminders.
    expect((await bookWithCredit('2026-12-14T10:00:00Z', first.creditsToken)).status).toBe(201);
    const second = await buy((await offer({ name: 'More' })).id);
    await tickAt(EXPIRES - DAY);
    const subjects = creditMail().map((x) => x.subject);
    expect(subjects.filter((s) => s.includes('expire'))).toHaveLength(1);
    expect(subjects.filter((s) => s.includes('credit left'))).toHaveLength(0);
    expect(subjects).toContain('Your package: More');
    const kinds = (await emails()).map((d) => [d.kind, (d.data as { purchase: { id: string } }).purchase?.id, d.status]);
    expect(kinds).toContainEqual(['customer.credits_expiring', first.purchase.id, 'skipped']);
    expect(kinds.filter(([, id]) => id === second.purchase.id)).toEqual([['customer.package_purchased', second.purchase.id, 'sent']]);
  });

  it('plans nothing for a package’s events in the channels that are about sessions (no meeting, no text); the sale is one notice to the specialist', async () => {
    await start();
    const bought = await buy((await offer({ sessionCount: 1 })).id);
    expect((await bookWithCredit('2026-11-23T10:00:00Z', bought.creditsToken)).status).toBe(201);
    await m.settle();
    const byPurchase = (await m.database.db.select().from(deliveries)).filter((d) => d.bookingId === null);
    expect(new Set(byPurchase.map((d) => d.channel))).toEqual(new Set(['email', 'in_app']));
    expect(byPurchase.map((d) => d.kind).sort()).toEqual(['customer.credits_expiring', 'customer.credits_expiring', 'customer.credits_low', 'customer.package_purchased', 'package.purchased']);
  });
});
