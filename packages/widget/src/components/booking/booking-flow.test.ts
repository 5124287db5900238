import { expect } from '@open-wc/testing';
import { deepActiveElement } from '../../internal/focus.js';
import {
  bookDirectly,
  chooseService,
  chooseTime,
  deep,
  eventually,
  fillDetails,
  mountBooking,
  nextEvent,
  pickDay,
  submitDetails,
  timeButtons,
} from '../../testing/helpers.js';

// These tests book for real in one shared database: each uses its own day (`pickDay`'s index).

describe('<slotwise-booking> booking a time', () => {
  it('books a chosen time, confirms it in the visitor zone, and stops offering it', async () => {
    const zone = 'America/New_York';
    const el = await mountBooking({ timezone: zone });
    await chooseService(el, 'Intro call');
    const date = await pickDay(el, 0);
    const chosen = await chooseTime(el, 1);
    const start = chosen.dataset['start']!;
    const label = chosen.textContent!.trim();
    expect(chosen.getAttribute('aria-pressed')).to.equal('true');
    await eventually(() => deep(el, 'slotwise-details-form')!.shadowRoot!.activeElement?.id === 'name', 'focus on the name field');

    fillDetails(el, { name: 'Grace Hopper', email: 'grace@example.com', notes: 'About compilers' });
    const booked = nextEvent(el, 'slotwise:booked');
    submitDetails(el);
    const { detail } = await booked;
    expect(detail.booking.id).to.match(/^bk_/);
    expect(new Date(detail.booking.start).getTime()).to.equal(new Date(start).getTime());
    expect(detail.manageToken).to.be.a('string').and.not.equal('');

    await eventually(() => deep(el, 'slotwise-confirmation', '[part="when"]'), 'the confirmation');
    const inZone = new Intl.DateTimeFormat(undefined, { timeZone: zone, timeStyle: 'short' });
    const when = deep(el, 'slotwise-confirmation', '[part="when"]')!;
    expect(when.querySelector('.time')!.textContent).to.equal(inZone.format(new Date(start)));
    expect(when.querySelector('.time')!.textContent).to.equal(label);
    const dateInZone = new Intl.DateTimeFormat(undefined, { timeZone: zone, dateStyle: 'full' }).format(new Date(start));
    expect(when.textContent).to.include(dateInZone);
    const confirmation = deep(el, 'slotwise-confirmation', '[part="confirmation"]')!.textContent!;
    expect(confirmation).to.include('Intro call').and.include('grace@example.com');
    // The test API sends mail (into a local SMTP server): the answer said the email was queued.
    expect(detail.notifications).to.deep.equal({ email: 'queued' });
    expect(deep(el, 'slotwise-confirmation', '.email')!.textContent!.replace(/\s+/g, ' ')).to.include('Your confirmation is on its way to grace@example.com');

    // Back to the same day: the booked time is gone, its neighbours are not.
    deep<HTMLButtonElement>(el, 'slotwise-confirmation', '[part="book-again"]')!.click();
    await eventually(() => timeButtons(el).length > 0, 'the times again');
    const starts = timeButtons(el).map((b) => b.dataset['start']);
    expect(starts).to.not.include(start);
    expect(starts.length).to.be.greaterThan(0);

    // A fresh page load does not offer it either.
    const fresh = await mountBooking({ timezone: zone });
    await chooseService(fresh, 'Intro call');
    expect(await pickDay(fresh, 0)).to.equal(date);
    expect(timeButtons(fresh).map((b) => b.dataset['start'])).to.not.include(start);
  });

  it('says so when someone else took the time meanwhile, and refreshes the times', async () => {
    const el = await mountBooking({ timezone: 'Europe/Berlin' });
    await chooseService(el, 'Coaching session');
    await pickDay(el, 1);
    const start = (await chooseTime(el, 2)).dataset['start']!;
    fillDetails(el, { name: 'Ada Lovelace', email: 'ada@example.com' });

    const service = el.shadowRoot!.querySelector('slotwise-service-picker')!;
    const serviceId = service.shadowRoot!.querySelector<HTMLElement>('[aria-pressed="true"]')!.dataset['service']!;
    const other = await bookDirectly({ service: serviceId, start, email: 'someone@example.com' });
    expect(other.status).to.equal(201);

    const failed = nextEvent(el, 'slotwise:error');
    submitDetails(el);
    expect((await failed).detail.code).to.equal('slot_unavailable');
    await eventually(() => deep(el, '.notice'), 'the notice');
    expect(deep(el, '.notice')!.getAttribute('role')).to.equal('alert');
    expect(deep(el, '.notice')!.textContent).to.include('no longer available');
    // The submit button went away with the time: focus goes to why, just above the fresh times.
    await eventually(() => deepActiveElement() === deep(el, '.notice'), 'focus on the notice');
    await eventually(
      () => timeButtons(el).length > 0 && !timeButtons(el).some((b) => b.dataset['start'] === start),
      'the refreshed times without the taken one',
    );
    expect(deep(el, 'slotwise-details-form')!.hidden).to.equal(true);
  });

  it("shows the server's field errors next to their fields", async () => {
    const el = await mountBooking({ timezone: 'Europe/Berlin' });
    await chooseService(el, 'Intro call');
    await pickDay(el, 2);
    await chooseTime(el, 0);
    // Past native validation: a name of spaces passes `required`; the email needs `novalidate`.
    deep<HTMLFormElement>(el, 'slotwise-details-form', 'form')!.noValidate = true;
    fillDetails(el, { name: '   ', email: 'not-an-email' });
    const failed = nextEvent(el, 'slotwise:error');
    submitDetails(el);
    const { detail } = await failed;
    expect(detail.code).to.equal('invalid_request');

    const form = deep(el, 'slotwise-details-form')!;
    await eventually(() => !form.shadowRoot!.querySelector<HTMLElement>('#email-error')!.hidden, 'the email error');
    const emailError = form.shadowRoot!.querySelector('#email-error')!;
    const serverMessage = detail.problem!.errors!.find((e) => e.field === 'body.customer.email')!.message;
    expect(emailError.textContent).to.equal(serverMessage);
    expect(form.shadowRoot!.querySelector('#email')!.getAttribute('aria-invalid')).to.equal('true');
    expect(form.shadowRoot!.querySelector('#email')!.getAttribute('aria-describedby')).to.equal('email-error');
    expect(form.shadowRoot!.querySelector('#name-error')!.textContent).to.include('name');
    expect(form.shadowRoot!.activeElement?.id).to.equal('name');
  });
});
