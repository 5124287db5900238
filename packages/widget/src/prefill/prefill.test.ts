import { expect, fixture, html } from '@open-wc/testing';
import type { SlotwiseBooking } from '../components/booking/booking.component.js';
import { api, chooseService, chooseTime, deep, fetchSpecialist, nextEvent, pickDay, submitDetails } from '../testing/helpers.js';
import { prefillFrom, utmFrom } from './page-params.js';

const field = (el: SlotwiseBooking, id: string) => deep<HTMLInputElement>(el, 'slotwise-details-form', `#${id}`)!;

/** Runs `body` with the page's URL query set to `search`, then puts the URL back. */
async function withQuery<T>(search: string, body: () => Promise<T>): Promise<T> {
  const before = location.href;
  history.replaceState(null, '', `${location.pathname}?${search}`);
  try {
    return await body();
  } finally {
    history.replaceState(null, '', before);
  }
}

/** The specialist's own view of a booking (the demo's API key, which the test runner hands over). */
async function specialistView(id: string): Promise<{ utm: unknown; customer: { name: string } }> {
  const { apiKey } = (window as unknown as { __SLOTWISE_PAID__: { apiKey: string } }).__SLOTWISE_PAID__;
  return (await fetch(`${api()}/v1/me/bookings/${id}`, { headers: { authorization: `Bearer ${apiKey}` } })).json();
}

describe('prefill', () => {
  it('starts the details form filled from the name, email and notes attributes, still editable', async () => {
    const el = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist="demo" api=${api()} name="Ada Lovelace"
      email="ada@example.com" notes="Referred by Grace"></slotwise-booking>`);
    await chooseService(el, 'Intro call');
    await pickDay(el, 9);
    await chooseTime(el, 2);
    expect(field(el, 'name').value).to.equal('Ada Lovelace');
    expect(field(el, 'email').value).to.equal('ada@example.com');
    expect(field(el, 'notes').value).to.equal('Referred by Grace');

    field(el, 'name').value = 'Ada King';
    const booked = nextEvent(el, 'slotwise:booked');
    submitDetails(el);
    const { detail } = await booked;
    expect(detail.booking.customer).to.include({ name: 'Ada King', email: 'ada@example.com' });
    expect(detail.booking.notes).to.equal('Referred by Grace');
  });

  it('keeps validating a prefilled email: a malformed one is not sent', async () => {
    const el = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist="demo" api=${api()} name="Ada" email="not-an-email"></slotwise-booking>`);
    await chooseService(el, 'Intro call');
    await pickDay(el, 9);
    await chooseTime(el, 3);
    expect(field(el, 'email').value).to.equal('not-an-email');
    expect(field(el, 'email').checkValidity()).to.equal(false);
    let booked = false;
    el.addEventListener('slotwise:booked', () => (booked = true));
    submitDetails(el);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(booked).to.equal(false);
    expect(deep(el, 'slotwise-details-form')!.hidden).to.equal(false);
  });

  it('fills in from the page URL (slotwise_name, slotwise_email, slotwise_notes) where no attribute says otherwise', async () => {
    const query = 'slotwise_name=Grace%20Hopper&slotwise_email=grace%40example.com&slotwise_notes=From%20the%20newsletter&name=site-search';
    const el = await withQuery(query, () =>
      fixture<SlotwiseBooking>(html`<slotwise-booking specialist="demo" api=${api()} email="signed-in@example.com"></slotwise-booking>`),
    );
    expect(el.getAttribute('name')).to.equal('Grace Hopper');
    // The site's own attribute wins over a link's parameter.
    expect(el.getAttribute('email')).to.equal('signed-in@example.com');
    await chooseService(el, 'Intro call');
    await pickDay(el, 10);
    await chooseTime(el, 2);
    expect(field(el, 'name').value).to.equal('Grace Hopper');
    expect(field(el, 'email').value).to.equal('signed-in@example.com');
    expect(field(el, 'notes').value).to.equal('From the newsletter');
  });

  it('sets service and duration from slotwise_service and slotwise_duration for the preselection to use', async () => {
    const intro = (await fetchSpecialist()).services.find((service) => service.name === 'Intro call')!;
    const el = await withQuery(`slotwise_service=${intro.id}&slotwise_duration=30&slotwise_email=${'x'.repeat(300)}`, () =>
      fixture<SlotwiseBooking>(html`<slotwise-booking specialist="demo" api=${api()}></slotwise-booking>`),
    );
    expect(el.getAttribute('service')).to.equal(intro.id);
    expect(el.getAttribute('duration')).to.equal('30');
    expect(el.hasAttribute('email')).to.equal(false); // longer than any email the API takes
  });
});

describe('UTM tracking', () => {
  it('sends the page’s utm_* parameters with the booking: the specialist sees them, and slotwise:booked carries them', async () => {
    const query = 'utm_source=newsletter&utm_medium=email&utm_campaign=spring&utm_id=ignored&fbclid=ignored';
    const el = await withQuery(query, () => fixture<SlotwiseBooking>(html`<slotwise-booking specialist="demo" api=${api()}></slotwise-booking>`));
    // Read when the widget started: a page that tidies its URL afterwards keeps its campaign.
    await chooseService(el, 'Intro call');
    await pickDay(el, 10);
    await chooseTime(el, 3);
    field(el, 'name').value = 'Campaign Visitor';
    field(el, 'email').value = 'campaign@example.com';
    const booked = nextEvent(el, 'slotwise:booked');
    submitDetails(el);
    const { detail } = await booked;
    const utm = { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'spring' };
    expect(detail.utm).to.deep.equal(utm);
    expect((await specialistView(detail.booking.id)).utm).to.deep.equal(utm);
  });

  it('keeps only the five known keys, trimmed, empty ones left out, each cut to 200 characters', () => {
    const long = 'x'.repeat(250);
    expect(utmFrom(`?utm_source=%20ads%20&utm_medium=&utm_term=${long}&gclid=1`)).to.deep.equal({ utm_source: 'ads', utm_term: 'x'.repeat(200) });
    expect(utmFrom('?q=shoes')).to.equal(undefined);
  });

  it('reads prefill parameters within the API’s bounds only', () => {
    expect(prefillFrom(`?slotwise_email=${'a'.repeat(250)}@example.com&slotwise_duration=45&slotwise_service=svc_1`)).to.deep.equal({
      duration: '45',
      service: 'svc_1',
    });
    expect(prefillFrom('?slotwise_duration=-5')).to.deep.equal({});
  });
});
