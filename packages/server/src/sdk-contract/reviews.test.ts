import { Review, ReviewDetail, ReviewList, Specialist } from '@slotwise/sdk/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operatorToken } from '../testing/accounts.js';
import { failure, sdkTestApp, type SdkTestApp } from './sdk-test-app.js';

// The SDK's review methods against the real app: the customer's, the public's, the specialist's and the operator's.
let t: SdkTestApp;
beforeEach(async () => {
  t = await sdkTestApp({ now: Date.parse('2026-11-20T12:00:00Z') });
});
afterEach(() => t.close());

describe('reviews through the SDK', () => {
  it('reviews a completed booking, lists it, answers it and hides it, each answer parsing with the contract', async () => {
    const serviceId = (await t.visitor.specialists.retrieve('demo')).services[0]!.id;
    const { booking, manageToken } = await t.visitor.bookings.create({ specialist: 'demo', service: serviceId, start: '2026-11-23T09:00:00Z', customer: { name: 'Lin Park', email: 'lin@example.com', timeZone: 'Europe/Berlin' } });
    const early = await failure(t.visitor.reviews.create(booking.id, { rating: 5, text: 'Too early' }, { manageToken }));
    expect(early.code).toBe('review_not_allowed');

    t.setNow(Date.parse('2026-11-24T12:00:00Z'));
    await t.specialist.me.bookings.complete(booking.id);
    const written = Review.parse(await t.visitor.reviews.create(booking.id, { rating: 5, text: 'Lovely session' }, { manageToken }));
    expect(written).toMatchObject({ reviewer: 'Lin P.', rating: 5 });
    expect(await t.visitor.reviews.retrieve(booking.id, { manageToken })).toEqual(written);
    expect((await failure(t.visitor.reviews.create(booking.id, { rating: 4 }, { manageToken }))).code).toBe('already_reviewed');

    expect(Specialist.parse(await t.visitor.specialists.retrieve('demo')).rating).toEqual({ average: 5, count: 1 });
    expect(ReviewList.parse(await t.visitor.reviews.list('demo', { limit: 5 }))).toEqual({ data: [written], nextCursor: null });

    const answered = ReviewDetail.parse(await t.specialist.me.reviews.respond(written.id, { text: 'Thanks, Lin!' }));
    expect(answered.response?.text).toBe('Thanks, Lin!');
    expect((await t.specialist.me.reviews.list({})).data.map((r) => r.id)).toEqual([written.id]);

    const operator = t.as(await operatorToken(t));
    const hidden = await operator.operator.reviews.hide(written.id, { reason: 'Test' });
    expect(hidden.hidden?.reason).toBe('Test');
    expect((await t.visitor.reviews.list('demo', {})).data).toEqual([]);
  });
});
