import { expect, html, waitUntil } from '@open-wc/testing';
import { SlotwiseError, type SlotwiseClient } from '@slotwise/sdk';
import type { BookingCreate, BookingCreated } from '@slotwise/sdk/contract';
import { inContext, intro, nextEvent } from '../../testing/context.js';
import type { SlotwiseDetailsForm } from './details-form.component.js';
import './details-form.js';

/** A client whose `bookings.create` answers from `answers`, in order, recording each call. */
function fakeClient(answers: (() => Promise<BookingCreated>)[]) {
  const calls: { params: BookingCreate; idempotencyKey?: string }[] = [];
  const client = {
    bookings: {
      create: (params: BookingCreate, opts?: { idempotencyKey?: string }) => {
        calls.push({ params, idempotencyKey: opts?.idempotencyKey });
        return answers.shift()!();
      },
    },
  } as unknown as SlotwiseClient;
  return { client, calls };
}

const slot = { start: '2026-11-23T08:00:00Z', end: '2026-11-23T08:30:00Z' };
const problem = (status: number, code: string, errors?: { field: string; message: string }[]) =>
  new SlotwiseError({ type: 'about:blank', title: code, status, code, detail: `${code} happened.`, ...(errors ? { errors } : {}) });

async function mount(client: SlotwiseClient) {
  const { el } = await inContext<SlotwiseDetailsForm>(html`<slotwise-details-form></slotwise-details-form>`, {
    client,
    timeZone: 'America/Chicago',
    selection: { service: intro, duration: 30, date: '2026-11-23', slot },
  });
  const field = (id: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
  field('name').value = 'Grace Hopper';
  field('email').value = 'grace@example.com';
  const submit = () => el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  return { el, field, submit };
}

describe('<slotwise-details-form>', () => {
  it("books the chosen time for the visitor's zone, retrying a network failure with the same key", async () => {
    const created = { booking: { id: 'bk_1' }, manageToken: 'tok' } as unknown as BookingCreated;
    const { client, calls } = fakeClient([() => Promise.reject(problem(0, 'network_error')), () => Promise.resolve(created)]);
    const { el, field, submit } = await mount(client);
    const failed = nextEvent(el, 'slotwise:error');
    submit();
    expect((await failed).detail.code).to.equal('network_error');
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the failure is shown');
    // No answer from the server: the catalog's sentence, not the browser's "Failed to fetch".
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal(
      'We could not reach the booking service. Check your connection and try again.',
    );
    // Focus goes to why it failed: the submit button the visitor used was disabled while sending.
    await waitUntil(() => el.shadowRoot!.activeElement === el.shadowRoot!.querySelector('[role="alert"]'), 'focus on the failure');

    const booked = nextEvent(el, 'slotwise:booked');
    submit();
    expect((await booked).detail).to.equal(created);
    expect(calls[0]!.params).to.deep.equal({
      specialist: 'demo',
      service: 'svc_intro',
      duration: 30,
      start: slot.start,
      // The visitor's language goes along (the context's en-US): their emails follow it.
      customer: { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'America/Chicago', locale: 'en-US' },
      // The visitor's own random id, kept in the browser: the server caps unpaid holds per visitor.
      visitor: localStorage.getItem('slotwise.visitor'),
    });
    expect(calls[0]!.params.visitor).to.match(/^vis_[0-9a-f]{32}$/);
    expect(calls[1]!.params.visitor).to.equal(calls[0]!.params.visitor);
    expect(calls[1]!.idempotencyKey).to.be.a('string').and.equal(calls[0]!.idempotencyKey);
    expect(field('name').value).to.equal('');
  });

  it('puts field errors under their fields and other problems above the button', async () => {
    const { client, calls } = fakeClient([
      () => Promise.reject(problem(400, 'invalid_request', [{ field: 'body.notes', message: 'Too long.' }])),
      () => Promise.reject(problem(400, 'invalid_request', [{ field: 'body.start', message: 'Use an ISO date.' }])),
    ]);
    const { el, field, submit } = await mount(client);
    submit();
    await waitUntil(() => field('notes').getAttribute('aria-invalid') === 'true', 'the notes error');
    expect(el.shadowRoot!.querySelector('#notes-error')!.textContent).to.equal('Too long.');
    expect(el.shadowRoot!.activeElement).to.equal(field('notes'));

    submit();
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the general error');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('Use an ISO date.');
    expect(field('notes').getAttribute('aria-invalid')).to.equal('false');
    // An answered request is finished: the next attempt is a new request.
    expect(calls[1]!.idempotencyKey).to.not.equal(calls[0]!.idempotencyKey);
  });
});
