import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveries, outbox } from '../../db/schema.js';
import { auth, operatorToken } from '../../testing/accounts.js';
import { LINKS, linksOf, mailTestApp, type MailTestApp } from '../../testing/mail-app.js';
import { composeEmail } from './compose.js';

// The customer who reviewed a session hears of the specialist's public answer: an email over SMTP
// into the local mailbox, worded when it is sent from the review as it stands then.

const NOW = Date.parse('2026-11-20T12:00:00Z');
const AFTER = Date.parse('2026-11-24T12:00:00Z');
let m: MailTestApp;
beforeEach(async () => {
  m = await mailTestApp({ now: NOW });
});
afterEach(() => m.closeAll());

const ANSWER = 'Thank you, Grace — see you in December.';

/** Books Monday 23rd 09:00 UTC for Grace (in `locale`), completes it, and reviews it; answers the review's id. */
async function reviewed(locale?: string, text = 'Clear and kind.') {
  m.setNow(NOW);
  const who = { ...m.customer, timeZone: 'Europe/Berlin', ...(locale ? { locale } : {}) };
  const { booking, manageToken } = await m.book('2026-11-23T09:00:00Z', who, { customer: who });
  m.setNow(AFTER);
  expect((await m.json(`/v1/me/bookings/${booking.id}/complete`, { method: 'POST', headers: auth(m.apiKey) })).status).toBe(200);
  const review = await m.json(`/v1/bookings/${booking.id}/review`, { body: { rating: 4, text }, headers: auth(manageToken) });
  expect(review.status).toBe(201);
  await m.settle();
  return { reviewId: review.body.id as string, bookingId: booking.id };
}
const answer = (reviewId: string, text = ANSWER) => m.json(`/v1/me/reviews/${reviewId}/response`, { body: { text }, headers: auth(m.apiKey) });
const answered = () => m.to('grace@example.com').filter((x) => /answered your review|auf Ihre Bewertung geantwortet/.test(x.subject));

describe('the customer hears of the answer to their review', () => {
  it('is emailed the answer, their review and a link to their booking page — once, when the answer is written', async () => {
    const { reviewId, bookingId } = await reviewed();
    expect(answered()).toHaveLength(0); // a review alone tells the customer nothing
    expect((await answer(reviewId)).status).toBe(200);
    await m.settle();
    const [mail] = answered();
    expect(mail!.subject).toBe('Dr. Ada Demo answered your review');
    expect(mail!.text).toContain('Hello Grace Hopper,');
    expect(mail!.text).toContain('Dr. Ada Demo answered the review you wrote of your Intro call on Monday, November 23, 2026.');
    expect(mail!.text).toContain(`Dr. Ada Demo’s answer:\n\n${ANSWER}`);
    expect(mail!.text).toContain('Your review: 4 of 5\nClear and kind.');
    const page = linksOf(mail!).find((url) => url.startsWith(LINKS.manage))!;
    expect(page).toMatch(new RegExp(`#slotwise-booking=${bookingId}&slotwise-token=bmt_`));
    expect(mail!.headers['list-unsubscribe'] ?? mail!.headers['List-Unsubscribe']).toMatch(/^<https:\/\/api\.slotwise\.test\/v1\/unsubscribe\?token=/);
    expect(mail!.text).toContain('Don’t want emails about reviews? Unsubscribe: ');

    // The link opens their booking, where the review shows with its answer.
    const token = decodeURIComponent(/slotwise-token=([^&]+)/.exec(page)![1]!);
    expect((await m.json(`/v1/bookings/${bookingId}/review`, { headers: auth(token) })).body.response).toMatchObject({ text: ANSWER });

    // A second answer is refused, and nothing more is sent.
    expect((await answer(reviewId, 'Again')).status).toBe(409);
    await m.settle();
    expect(answered()).toHaveLength(1);
    expect(await m.database.db.select({ topic: outbox.topic }).from(outbox).where(eq(outbox.topic, 'review.answered'))).toHaveLength(1);
  });

  it('in the language they booked in', async () => {
    const { reviewId } = await reviewed('de-DE', '');
    expect((await answer(reviewId, 'Danke!')).status).toBe(200);
    await m.settle();
    const [mail] = answered();
    expect(mail!.subject).toBe('Dr. Ada Demo hat auf Ihre Bewertung geantwortet');
    expect(mail!.text).toContain('Dr. Ada Demo hat auf Ihre Bewertung von Intro call am Montag, 23. November 2026 geantwortet.');
    expect(mail!.text).toContain('Ihre Bewertung: 4 von 5\n'); // a rating without words
  });

  it('is not sent to a customer who opted out of emails about reviews, nor worded for a review hidden or erased meanwhile', async () => {
    const { reviewId, bookingId } = await reviewed();
    // The follow-up's one-click unsubscribe: emails about reviews (`feedback`) from this specialist.
    const followUp = m.to('grace@example.com').find((x) => x.subject.startsWith('How was your session'))!;
    const link = /<([^>]+)>/.exec(followUp.headers['list-unsubscribe'] ?? followUp.headers['List-Unsubscribe']!)![1]!;
    const stop = await m.app.request(link.replace(LINKS.api, ''), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(stop.status).toBe(200);
    expect((await answer(reviewId)).status).toBe(200);
    await m.settle();
    expect(answered()).toHaveLength(0);
    // The answer was told to the outbox, and planned no email to an address that opted out.
    expect(await m.database.db.select({ topic: outbox.topic }).from(outbox).where(eq(outbox.topic, 'review.answered'))).toHaveLength(1);
    expect(await m.database.db.select().from(deliveries).where(eq(deliveries.kind, 'customer.review_answered'))).toHaveLength(0);

    // Worded when sent: a delivery of it composed after an operator hid the review, or after the
    // customer's data was erased (which clears the answer to them), is skipped.
    const due = { ...(await m.database.db.select().from(deliveries).limit(1))[0]!, kind: 'customer.review_answered', bookingId, recipient: 'someone-else@example.com', data: { reviewId } }; // an address that did not opt out
    const op = auth(await operatorToken(m));
    expect((await m.json(`/v1/operator/reviews/${reviewId}/hide`, { body: { reason: 'Advertising' }, headers: op })).status).toBe(200);
    expect(await composeEmail(m.app.deps, due)).toEqual({ skip: 'the review is hidden' });
    expect((await m.json(`/v1/operator/reviews/${reviewId}/show`, { body: {}, headers: op })).status).toBe(200);
    expect((await m.json('/v1/operator/customers/erase', { body: { email: 'grace@example.com' }, headers: op })).status).toBe(200);
    expect(await composeEmail(m.app.deps, due)).toEqual({ skip: 'the answer is gone' });
  });
});
