import { expect } from '@open-wc/testing';
import { createVisitorClient } from '@slotwise/sdk';
import { describeError } from './errors.js';
import { api, bookDirectly, fetchSlots, fetchSpecialist } from '../testing/helpers.js';

// What a visitor reads when the server refuses a field: the server's sentence, without the path
// (`body.reason: …`) it starts with for integrators.

describe('describeError', () => {
  it('gives a person the server’s sentence without the field path in front', async () => {
    const { services } = await fetchSpecialist();
    const open = (await fetchSlots({ service: services[0]!.id, timezone: 'Europe/Berlin' })).days.flatMap((d) => d.slots);
    const booked = await (await bookDirectly({ service: services[0]!.id, start: open.at(-3)!.start, email: 'long-reason@example.com' })).json();
    const client = createVisitorClient({ baseURL: api() });
    const refused = await client.bookings.cancel(booked.booking.id, { reason: 'x'.repeat(501) }, { manageToken: booked.manageToken }).then(() => undefined, (error: unknown) => error);
    const detail = describeError(refused);
    expect(detail.code).to.equal('invalid_request');
    expect(detail.problem?.detail).to.match(/^body\.reason: /); // integrators keep the path
    expect(detail.message).to.equal(detail.problem!.errors![0]!.message);
    expect(detail.message).not.to.contain('body.');
  });
});
