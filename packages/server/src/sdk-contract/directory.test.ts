import { DirectoryPage, Profile } from '@slotwise/sdk/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, sdkTestApp, type SdkTestApp } from './sdk-test-app.js';

// The SDK's directory method against the real app: the specialist fills in their directory
// fields, a visitor finds them; a bad query is the contract's own problem.
let t: SdkTestApp;
beforeEach(async () => {
  t = await sdkTestApp({ now: Date.parse('2026-11-20T12:00:00Z') });
});
afterEach(() => t.close());

describe('the directory through the SDK', () => {
  it('finds a specialist by their headline, category and language; pages; refuses a price without a currency', async () => {
    const profile = Profile.parse(await t.specialist.me.profile.update({ headline: 'Negotiation mentor', categories: ['career-coaching'], languages: ['en', 'pt'] }));
    expect(profile).toMatchObject({ headline: 'Negotiation mentor', directoryListed: true });

    const page = DirectoryPage.parse(await t.visitor.directory.search({ q: 'negotiat', category: 'career-coaching', language: 'pt', available_within_days: 7 }));
    expect(page.data).toMatchObject([{ handle: 'demo', headline: 'Negotiation mentor', priceFrom: { amount: 0, currency: 'EUR' }, nextOpen: { start: '2026-11-20T12:30:00.000Z' } }]);
    expect(page.nextCursor).toBeNull();

    const refused = await failure(t.visitor.directory.search({ price_max: 5000 }));
    expect(refused.code).toBe('invalid_request');

    await t.specialist.me.profile.update({ directoryListed: false });
    expect((await t.visitor.directory.search({ q: 'negotiation' })).data).toEqual([]);
  });
});
