import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reviews, specialists } from '../../db/schema.js';
import { auth, operatorToken } from '../../testing/accounts.js';
import { addSpecialist, connectDemo, setService } from '../../testing/fixtures.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const AFTER = Date.parse('2026-11-24T12:00:00Z');
let t: TestApp;
beforeEach(async () => {
  t = await testApp({ now: NOW });
});
afterEach(() => t.close());

const customer = (name = 'Grace Hopper', email = 'grace@example.com') => ({ name, email, timeZone: 'Europe/Berlin' });
async function book(start: string, name?: string, email?: string) {
  const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start, customer: customer(name, email) } });
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.booking.id as string, token: res.body.manageToken as string };
}
/** A booking of the demo's free intro on Monday 23rd at `hour` UTC, held and marked completed by the specialist. */
async function completed(hour = '09', name?: string, email?: string) {
  t.setNow(NOW);
  const b = await book(`2026-11-23T${hour}:00:00Z`, name, email);
  t.setNow(AFTER);
  const done = await t.json(`/v1/me/bookings/${b.id}/complete`, { method: 'POST', headers: auth(t.apiKey) });
  expect(done.status).toBe(200);
  return b;
}
const review = (b: { id: string; token: string }, body: unknown, headers: Record<string, string> = {}) =>
  t.json(`/v1/bookings/${b.id}/review`, { body, headers: { ...auth(b.token), ...headers } });
const stored = async () => t.database.db.select().from(reviews);

describe('a customer reviews a completed session', () => {
  it('says on the customer’s view of a completed booking whether they reviewed it, and nowhere else', async () => {
    const b = await completed();
    const view = async () => (await t.json(`/v1/bookings/${b.id}`, { headers: auth(b.token) })).body;
    expect((await view()).reviewed).toBe(false);
    expect((await review(b, { rating: 4, text: 'Good.' })).status).toBe(201);
    expect((await view()).reviewed).toBe(true);
    expect((await t.json(`/v1/me/bookings/${b.id}`, { headers: auth(t.apiKey) })).body).not.toHaveProperty('reviewed');
    t.setNow(NOW);
    const upcoming = await book('2026-11-23T11:00:00Z');
    expect((await t.json(`/v1/bookings/${upcoming.id}`, { headers: auth(upcoming.token) })).body).not.toHaveProperty('reviewed');
  });

  it('reviews once with the manage token; the profile counts it and the list shows first name and initial, never the email', async () => {
    const b = await completed();
    const res = await review(b, { rating: 4, text: '  Clear and kind.  ' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rating: 4, text: 'Clear and kind.', reviewer: 'Grace H.', service: t.intro.name, response: null, createdAt: '2026-11-24T12:00:00Z' });

    const again = await review(b, { rating: 1, text: 'Changed my mind' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_reviewed');
    expect(await stored()).toHaveLength(1);

    const profile = await t.json('/v1/specialists/demo');
    expect(profile.body.rating).toEqual({ average: 4, count: 1 });
    const list = await t.json('/v1/specialists/demo/reviews');
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ data: [res.body], nextCursor: null });
    expect(JSON.stringify(list.body)).not.toContain('grace@example.com');
    expect(JSON.stringify(list.body)).not.toContain('Hopper');
    expect((await t.json(`/v1/bookings/${b.id}/review`, { headers: auth(b.token) })).body).toEqual(res.body);
  });

  it('averages visible reviews to one decimal and says null while there are none', async () => {
    expect((await t.json('/v1/specialists/demo')).body.rating).toEqual({ average: null, count: 0 });
    for (const [i, [hour, name, rating]] of ([['09', 'Ann Lee', 5], ['10', 'Bo', 4], ['11', 'Cy  Dee', 4]] as const).entries()) {
      const b = await completed(hour, name, `${i}@example.com`);
      t.setNow(AFTER + i * 60_000);
      expect((await review(b, { rating, text: '' })).status).toBe(201);
    }
    expect((await t.json('/v1/specialists/demo')).body.rating).toEqual({ average: 4.3, count: 3 });
    const names = (await t.json('/v1/specialists/demo/reviews')).body.data.map((r: { reviewer: string }) => r.reviewer);
    expect(names).toEqual(['Cy D.', 'Bo', 'Ann L.']);
  });

  it('gives back a text with markup as the same text, and the hosted page shows it escaped, as text', async () => {
    const b = await completed();
    const text = '<script>alert("x")</script> & <b>bold</b>';
    expect((await review(b, { rating: 5, text })).body.text).toBe(text);
    expect((await t.json('/v1/specialists/demo/reviews')).body.data[0].text).toBe(text);

    const page = await (await t.app.request('/demo')).text();
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<b>bold');
    expect(page).toContain('5.0 out of 5 · 1 review');
    expect(page).toContain('<bdi>Grace H.</bdi>'); // its own direction: "Grace H." not ".Grace H" on an Arabic page
    expect(page).not.toContain('grace@example.com');
    // The widget below is told not to show them a second time.
    expect(page).toContain('reviews="off"');
  });

  it('shows no reviews section on the hosted page while there are none, and the rating in the visitor’s language', async () => {
    expect(await (await t.app.request('/demo')).text()).not.toContain('id="reviews"');
    await review(await completed(), { rating: 4, text: 'Gut' });
    const page = await (await t.app.request('/demo', { headers: { 'accept-language': 'de' } })).text();
    expect(page).toContain('<h2 id="reviews">Bewertungen</h2>');
    expect(page).toContain('4,0 von 5 · 1 Bewertung');
  });

  it('refuses a booking that is held, confirmed but not completed, cancelled or a no-show, saying why in the customer’s language', async () => {
    await connectDemo(t.app);
    await setService(t.database, t.intro.id, { durations: [{ minutes: 30, price: 4900 }] });
    const held = await book('2026-11-23T09:00:00Z', 'Held One', 'held@example.com');
    await setService(t.database, t.intro.id, { durations: [{ minutes: 30, price: 0 }] });
    const confirmed = await book('2026-11-23T10:00:00Z');
    const cancelled = await book('2026-11-23T11:00:00Z', 'Cancel Me', 'cancel@example.com');
    expect((await t.json(`/v1/bookings/${cancelled.id}/cancel`, { body: {}, headers: auth(cancelled.token) })).status).toBe(200);
    const missed = await book('2026-11-23T12:00:00Z', 'Miss Ed', 'miss@example.com');
    t.setNow(AFTER);
    expect((await t.json(`/v1/me/bookings/${missed.id}/no-show`, { method: 'POST', headers: auth(t.apiKey) })).status).toBe(200);

    for (const [b, words] of [[held, 'not paid'], [confirmed, 'marked completed'], [cancelled, 'cancelled'], [missed, 'missed']] as const) {
      const res = await review(b, { rating: 5, text: 'Great' });
      expect(res.status, words).toBe(409);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('review_not_allowed');
      expect(res.body.detail).toContain(words);
    }
    const german = await review(confirmed, { rating: 5, text: 'Toll' }, { 'accept-language': 'de' });
    expect(german.body.detail).toBe('Sie können den Termin bewerten, sobald er stattgefunden hat und als abgeschlossen markiert ist.');
    expect(await stored()).toEqual([]);
  });

  it('needs the booking’s own manage token, and a rating of 1–5 and a text of at most 2,000 characters', async () => {
    const b = await completed();
    const other = await completed('10', 'Other Person', 'other@example.com');
    expect((await t.json(`/v1/bookings/${b.id}/review`, { body: { rating: 5, text: 'x' } })).status).toBe(401);
    const foreign = await t.json(`/v1/bookings/${b.id}/review`, { body: { rating: 5, text: 'x' }, headers: auth(other.token) });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('booking_not_found');
    for (const body of [{ rating: 0, text: 'x' }, { rating: 6, text: 'x' }, { rating: 4.5, text: 'x' }, { rating: '5', text: 'x' }, { text: 'x' }, { rating: 5, text: 'x'.repeat(2001) }, { rating: 5, text: 'x', email: 'a@b.c' }]) {
      const res = await review(b, body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(res.body.code).toBe('invalid_request');
    }
    expect(await stored()).toEqual([]);
    expect((await review(b, { rating: 5, text: 'y'.repeat(2000) })).status).toBe(201);
    const missing = await t.json(`/v1/bookings/${other.id}/review`, { headers: auth(other.token) });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('review_not_found');
  });

  it.each(['file', 'd1'] as const)('lets racing requests of one booking write one review on %s: the others are told it is reviewed already', async (engine) => {
    const twin = await testApp({ now: NOW, twin: true, engine });
    try {
      const res = await twin.json('/v1/bookings', { body: { specialist: 'demo', service: twin.intro.id, start: '2026-11-23T09:00:00Z', customer: customer() } });
      twin.setNow(AFTER);
      await twin.json(`/v1/me/bookings/${res.body.booking.id}/complete`, { method: 'POST', headers: auth(twin.apiKey) });
      const send = (json: TestApp['json'], rating: number) =>
        json(`/v1/bookings/${res.body.booking.id}/review`, { body: { rating, text: 'race' }, headers: auth(res.body.manageToken) });
      const answers = await Promise.all([send(twin.json, 5), send(twin.twin!.json, 3), send(twin.json, 4), send(twin.twin!.json, 2)]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
      expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'already_reviewed')).toBe(true);
      expect(await twin.database.db.select().from(reviews)).toHaveLength(1);
    } finally {
      await twin.close();
    }
  }, 60_000); // D1 starts workerd
});

describe('the specialist responds, the operator hides', () => {
  it('lets the specialist answer their own review once, publicly; another specialist gets a 404', async () => {
    const b = await completed();
    const { id } = (await review(b, { rating: 3, text: 'Fine' })).body;
    const ada = await addSpecialist(t.database, 'ada');
    const foreign = await t.json(`/v1/me/reviews/${id}/response`, { body: { text: 'Not mine' }, headers: auth(ada.apiKey) });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('review_not_found');
    expect((await t.json('/v1/me/reviews', { headers: auth(ada.apiKey) })).body.data).toEqual([]);

    const res = await t.json(`/v1/me/reviews/${id}/response`, { body: { text: ' Thank you! ' }, headers: auth(t.apiKey) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, bookingId: b.id, response: { text: 'Thank you!', createdAt: '2026-11-24T12:00:00Z' }, hidden: null });
    const again = await t.json(`/v1/me/reviews/${id}/response`, { body: { text: 'Edited' }, headers: auth(t.apiKey) });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('review_already_answered');
    expect((await t.json('/v1/specialists/demo/reviews')).body.data[0].response).toEqual({ text: 'Thank you!', createdAt: '2026-11-24T12:00:00Z' });
    expect((await t.json(`/v1/me/reviews/${id}/response`, { body: { text: 'x' } })).status).toBe(401);
  });

  it('lets an operator hide a review with a reason: gone from the page and the average, kept with who and why', async () => {
    const kept = await completed('09', 'Ann Lee', 'ann@example.com');
    await review(kept, { rating: 5, text: 'Great' });
    const rude = await completed('10', 'Rex Rude', 'rex@example.com');
    t.setNow(AFTER + 60_000); // newer than the first
    const { id } = (await review(rude, { rating: 1, text: 'Spam spam' })).body;
    expect((await t.json('/v1/specialists/demo')).body.rating).toEqual({ average: 3, count: 2 });

    expect((await t.json(`/v1/operator/reviews/${id}/hide`, { body: { reason: 'spam' }, headers: auth(t.apiKey) })).status).toBe(403);
    const token = await operatorToken(t);
    const hidden = await t.json(`/v1/operator/reviews/${id}/hide`, { body: { reason: ' Advertising, not a review ' }, headers: auth(token) });
    expect(hidden.status).toBe(200);
    expect(hidden.body.hidden).toEqual({ at: '2026-11-24T12:01:00Z', reason: 'Advertising, not a review' });
    const twice = await t.json(`/v1/operator/reviews/${id}/hide`, { body: { reason: 'again' }, headers: auth(token) });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('review_already_hidden');

    expect((await t.json('/v1/specialists/demo')).body.rating).toEqual({ average: 5, count: 1 });
    expect((await t.json('/v1/specialists/demo/reviews')).body.data.map((r: { text: string }) => r.text)).toEqual(['Great']);
    const mine = (await t.json('/v1/me/reviews', { headers: auth(t.apiKey) })).body.data;
    expect(mine.map((r: { text: string; hidden: unknown }) => [r.text, r.hidden])).toEqual([
      ['Spam spam', { at: '2026-11-24T12:01:00Z', reason: 'Advertising, not a review' }],
      ['Great', null],
    ]);
    const [row] = await t.database.db.select().from(reviews).where(eq(reviews.id, id));
    expect(row).toMatchObject({ hiddenReason: 'Advertising, not a review', hiddenBy: expect.stringMatching(/^acct_/) });
    expect((await t.json(`/v1/operator/reviews/rv_nope/hide`, { body: { reason: 'x' }, headers: auth(token) })).status).toBe(404);

    // Hidden by mistake: shown again, public and counted once more; only by an operator, only when hidden.
    expect((await t.json(`/v1/operator/reviews/${id}/show`, { method: 'POST', headers: auth(t.apiKey) })).status).toBe(403);
    const shown = await t.json(`/v1/operator/reviews/${id}/show`, { method: 'POST', headers: auth(token) });
    expect(shown.status).toBe(200);
    expect(shown.body.hidden).toBeNull();
    expect((await t.json('/v1/specialists/demo')).body.rating).toEqual({ average: 3, count: 2 });
    expect((await t.json('/v1/specialists/demo/reviews')).body.data.map((r: { text: string }) => r.text)).toEqual(['Spam spam', 'Great']);
    const again = await t.json(`/v1/operator/reviews/${id}/show`, { method: 'POST', headers: auth(token) });
    expect(again.body).toMatchObject({ status: 409, code: 'review_not_hidden' });
    expect((await t.json(`/v1/operator/reviews/${id}/hide`, { body: { reason: ' Advertising, not a review ' }, headers: auth(token) })).status).toBe(200);

    // The operator finds a specialist's reviews by the specialist's id, hidden ones with the reason; nobody else may.
    const specialistId = (await t.database.db.select({ id: specialists.id }).from(specialists).where(eq(specialists.handle, 'demo')))[0]!.id;
    const listed = await t.json(`/v1/operator/specialists/${specialistId}/reviews?limit=1`, { headers: auth(token) });
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((r: { text: string; hidden: unknown }) => [r.text, r.hidden])).toEqual([['Spam spam', { at: '2026-11-24T12:01:00Z', reason: 'Advertising, not a review' }]]);
    const next = await t.json(`/v1/operator/specialists/${specialistId}/reviews?limit=1&cursor=${listed.body.nextCursor}`, { headers: auth(token) });
    expect(next.body).toMatchObject({ data: [{ text: 'Great', hidden: null }], nextCursor: null });
    expect((await t.json(`/v1/operator/specialists/${specialistId}/reviews`, { headers: auth(t.apiKey) })).status).toBe(403);
    expect((await t.json(`/v1/operator/specialists/${specialistId}/reviews`)).status).toBe(401);
    const unknown = await t.json('/v1/operator/specialists/sp_nope/reviews', { headers: auth(token) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('specialist_not_found');
  });
});

describe('the specialist is told of a new review', () => {
  it('in the app: who rated which session how, in the specialist’s zone, unread, naming the booking; a refused second review tells nothing', async () => {
    const b = await completed();
    const notices = async () => (await t.json('/v1/me/notifications', { headers: auth(t.apiKey) })).body as { data: { kind: string; bookingId: string | null; title: string; body: string; read: boolean }[]; unread: number };
    const before = await notices();
    expect((await review(b, { rating: 4, text: 'Clear and kind.' })).status).toBe(201);
    const after = await notices();
    expect(after.unread).toBe(before.unread + 1);
    const [notice] = after.data.filter((n) => n.kind === 'review.created');
    // The demo specialist works in Europe/Berlin: 09:00Z is 10:00 there.
    expect(notice).toMatchObject({ bookingId: b.id, title: 'New review: Grace Hopper, 4 of 5', body: `Grace Hopper gave 4 of 5 to ${t.intro.name} on Mon 23 Nov, 10:00.`, read: false });
    expect(JSON.stringify(notice)).not.toContain('Clear and kind');
    expect((await review(b, { rating: 1, text: 'Again' })).status).toBe(409);
    expect((await notices()).data.filter((n) => n.kind === 'review.created')).toHaveLength(1);
  });
});

describe('erasing a customer', () => {
  it('takes their name and text out of their reviews, and the specialist’s answer to them, and keeps the rating', async () => {
    const reviewed = await review(await completed(), { rating: 2, text: 'Grace wrote this, at grace@example.com' });
    const answered = await t.json(`/v1/me/reviews/${reviewed.body.id}/response`, { body: { text: 'Sorry to hear it, Grace.' }, headers: auth(t.apiKey) });
    expect(answered.status).toBe(200);
    const res = await t.json('/v1/operator/customers/erase', { body: { email: 'grace@example.com' }, headers: auth(await operatorToken(t)) });
    expect(res.status).toBe(200);
    const [shown] = (await t.json('/v1/specialists/demo/reviews')).body.data;
    expect(shown).toMatchObject({ rating: 2, text: '', response: null });
    expect(JSON.stringify(shown)).not.toMatch(/Grace|grace/);
    expect((await t.json('/v1/specialists/demo')).body.rating).toEqual({ average: 2, count: 1 });
    // The specialist's notice of the review names them no more either.
    const notices = (await t.json('/v1/me/notifications', { headers: auth(t.apiKey) })).body.data as { kind: string; title: string; body: string }[];
    const notice = notices.find((n) => n.kind === 'review.created')!;
    expect(notice.title).toMatch(/^New review: .+, 2 of 5$/);
    expect(JSON.stringify(notice)).not.toMatch(/Grace|Hopper/);
  });
});

describe('GET /v1/specialists/:handle/reviews', () => {
  it('pages newest first with an opaque cursor, each review once, and refuses a made-up cursor', async () => {
    const made: string[] = [];
    for (const [i, hour] of ['09', '10', '11', '12', '13'].entries()) {
      const b = await completed(hour, `Person ${String.fromCharCode(65 + i)}`, `p${i}@example.com`);
      t.setNow(AFTER + i * 60_000);
      made.push((await review(b, { rating: 5, text: `review ${i}` })).body.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { data: { id: string }[]; nextCursor: string | null } } = await t.json(`/v1/specialists/demo/reviews?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.data.map((r) => r.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...made].reverse());

    for (const bad of ['nope', btoa('1.rv_x; drop table reviews'), 'x'.repeat(201)]) {
      const res = await t.json(`/v1/specialists/demo/reviews?cursor=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.code).toBe('invalid_request');
    }
    expect((await t.json('/v1/specialists/demo/reviews?limit=51')).status).toBe(400);
    expect((await t.json('/v1/specialists/nobody/reviews')).status).toBe(404);
  });
});
