import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { formatPrice } from '../../../internal/format.js';
import { timeZones } from '../../auth/zones.js';
import { describedBy, fieldError, invalid, textField } from '../../forms.js';
import { DEFAULT_WEEKLY, weekdayName } from '../availability/weekly.js';
import { serviceTemplates } from '../services/templates.js';
import { parseAmount } from '../../ui/amount.js';
import type { SlotwiseConsoleOnboarding as Onboarding } from './onboarding.component.js';
import { embedSnippet, registerOrigin } from './embed.js';

export type Step = 'profile' | 'service' | 'hours' | 'payments' | 'embed';

const formValues = (event: Event) => {
  event.preventDefault();
  return new FormData(event.target as HTMLFormElement);
};

function step(id: Step, title: string, done: boolean, body: TemplateResult): TemplateResult {
  return html`<li id="step-${id}">
    <h2 id="step-${id}-title">${title} <span class="badge ${done ? 'done' : ''}">${done ? 'Done' : 'To do'}</span></h2>
    ${body}
  </li>`;
}

function alert(o: Onboarding, id: Step) {
  const failure = o.failures[id];
  return failure ? html`<p class="error" role="alert" tabindex="-1">${failure.message}</p>` : nothing;
}

const text = (o: Onboarding, id: Step, name: string, label: string, value: string, type = 'text') =>
  textField({ id: `${id}-${name}`, name, label, value, type, failure: o.failures[id] });

export function profileStep(o: Onboarding) {
  const profile = o.session!.profile!;
  const failure = o.failures.profile;
  const submit = (event: Event) => {
    const data = formValues(event);
    const photoUrl = String(data.get('photoUrl')).trim();
    const update = { name: String(data.get('name')), handle: String(data.get('handle')), bio: String(data.get('bio')), timeZone: String(data.get('timeZone')), photoUrl: photoUrl === '' ? null : photoUrl };
    void o.save('profile', async () => {
      await o.session!.client.me.profile.update(update);
      await o.session!.refreshProfile();
    }, 'Profile saved.');
  };
  return step('profile', '1. Your profile', o.progress!.done.profile, html`
    <form @submit=${submit} novalidate>
      ${alert(o, 'profile')}
      ${text(o, 'profile', 'name', 'Name', profile.name)}
      ${text(o, 'profile', 'handle', 'Handle (your page’s address)', profile.handle)}
      <label for="profile-bio">About you (customers read this)
        <textarea id="profile-bio" name="bio" rows="3" .value=${profile.bio} aria-invalid=${invalid(failure, 'bio')} aria-describedby=${ifDefined(describedBy('profile-bio', failure, 'bio'))}></textarea>
        ${fieldError('profile-bio', failure, 'bio')}</label>
      ${text(o, 'profile', 'photoUrl', 'Photo address (optional, https://)', profile.photoUrl ?? '', 'url')}
      <label for="profile-timeZone">Time zone (your hours are in it)
        <select id="profile-timeZone" name="timeZone">${timeZones().map((zone) => html`<option ?selected=${zone === profile.timeZone}>${zone}</option>`)}</select></label>
      <div><button class="primary" type="submit" ?disabled=${o.busy === 'profile'}>Save profile</button></div>
    </form>`);
}

export function serviceStep(o: Onboarding) {
  const { client, profile } = o.session!;
  const currency = profile!.currency;
  const active = o.progress!.services.filter((s) => s.active);
  const intro = () => void o.save('service', () => client.me.services.create(serviceTemplates.intro.make(currency)), 'Intro call created.');
  const paid = (event: Event) => {
    const price = parseAmount(String(formValues(event).get('price')), currency);
    // 0 would make a free "Session" beside the free intro call: a paid session needs a price.
    if (Number.isNaN(price) || price <= 0) {
      const message = Number.isNaN(price) ? 'Enter the price as a number, such as 60, 60.50 or 1,500.' : 'A paid session needs a price above 0; for a free one, add the intro call.';
      o.failures = { ...o.failures, service: { message, fields: { price: message } } };
      void o.updateComplete.then(() => o.renderRoot.querySelector<HTMLElement>('#service-price')?.focus());
      return;
    }
    void o.save('service', () => client.me.services.create(serviceTemplates.session.make(currency, price)), 'Paid session created.');
  };
  return step('service', '2. A first service', o.progress!.done.service, html`
    ${active.length ? html`<ul>${active.map((s) => html`<li>${s.name} — ${s.durations.map((d) => `${d.minutes} min, ${formatPrice(d.price, s.currency)}`).join('; ')}</li>`)}</ul>
      <p><a href="#/services">Edit your services</a></p>` : html`<p class="hint">Start from a template; you can change every detail later.</p>`}
    ${alert(o, 'service')}
    <div class="row"><button type="button" @click=${intro} ?disabled=${o.busy === 'service'}>Add a ${serviceTemplates.intro.label.toLowerCase()}</button></div>
    <form @submit=${paid} class="row" novalidate>
      ${text(o, 'service', 'price', `Price of a 50-minute session (${currency})`, '', 'text')}
      <button type="submit" ?disabled=${o.busy === 'service'}>Add a ${serviceTemplates.session.label.toLowerCase()}</button>
    </form>`);
}

export function hoursStep(o: Onboarding) {
  const { weekly, breaks } = o.progress!.availability;
  const current = weekly.length ? weekly : DEFAULT_WEEKLY;
  const on = (day: number) => current.filter((h) => h.weekday === day).map(({ weekday, start, end }) => ({ weekday, start, end }));
  const submit = (event: Event) => {
    const data = formValues(event);
    // A day of several intervals is shown, not edited, here: it is saved as it was.
    const next = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => {
      const intervals = on(weekday);
      if (intervals.length > 1) return intervals;
      return data.get(`on-${weekday}`) ? [{ weekday, start: String(data.get(`start-${weekday}`)), end: String(data.get(`end-${weekday}`)) }] : [];
    });
    void o.save('hours', () => o.session!.client.me.availability.replaceWeekly({ weekly: next, breaks }), 'Weekly hours saved.');
  };
  return step('hours', '3. Your weekly hours', o.progress!.done.hours, html`
    <form @submit=${submit} novalidate>
      ${alert(o, 'hours')}
      <p class="hint">In ${o.session!.profile!.timeZone}. Breaks and several intervals a day: <a href="#/availability">Availability</a>.</p>
      <div class="days">${[1, 2, 3, 4, 5, 6, 7].map((day) => {
        const intervals = on(day);
        const hours = intervals[0];
        const name = weekdayName(day);
        if (intervals.length > 1) {
          return html`<div class="day several">
            <span>${name}</span>
            <span>${intervals.map((i) => `${i.start}–${i.end}`).join(', ')}</span>
            <a href="#/availability" aria-label="Change ${name}'s intervals in Availability">Change in Availability</a>
          </div>`;
        }
        return html`<div class="day">
          <label class="inline"><input type="checkbox" name="on-${day}" ?checked=${hours !== undefined} />${name}</label>
          <input type="time" name="start-${day}" aria-label="${name} from" .value=${hours?.start ?? '09:00'} />
          <input type="time" name="end-${day}" aria-label="${name} until" .value=${hours?.end ?? '17:00'} />
        </div>`;
      })}</div>
      <div><button class="primary" type="submit" ?disabled=${o.busy === 'hours'}>Save weekly hours</button></div>
    </form>`);
}

export function paymentsStep(o: Onboarding) {
  const { stripe } = o.progress!;
  const test = stripe.mode === 'test';
  // In test mode the link completes a simulated onboarding at once: there is nowhere to go.
  const connect = () =>
    void o.save('payments', async () => {
      const link = await o.session!.client.me.stripe.onboarding({ returnUrl: location.href, refreshUrl: location.href });
      if (!test) location.assign(link.url);
    }, test ? 'Test payments connected. No money moves.' : 'Opening Stripe…');
  const status = stripe.chargesEnabled
    ? html`<p>${test ? 'Paid bookings go through test payments.' : 'Stripe takes payments for you'}${test ? '' : stripe.payoutsEnabled ? ' and pays out to your bank.' : '; payouts start once Stripe has your bank details.'}</p>`
    : html`<p>${stripe.detailsSubmitted ? 'Stripe is still checking your details.' : 'Connect a Stripe account to take paid bookings. Free services need none.'}</p>
        ${alert(o, 'payments')}
        <div><button class="primary" type="button" @click=${connect} ?disabled=${o.busy === 'payments'}>${test ? 'Connect test payments' : stripe.accountId ? 'Continue Stripe setup' : 'Set up payments with Stripe'}</button></div>`;
  return step('payments', '4. Payments', o.progress!.done.payments, html`
    ${test ? html`<p><strong>Test mode — no money moves.</strong> This server runs test payments: customers pay with a test button (no card is needed) and nothing is charged.</p>` : nothing}
    ${status}`);
}

export function embedStep(o: Onboarding) {
  const session = o.session!;
  const origins = session.profile!.allowedOrigins;
  const submit = (event: Event) => {
    const origin = String(formValues(event).get('allowedOrigins.0') ?? '');
    void o.save('embed', () => registerOrigin(session, origin), 'Site registered.');
  };
  const snippet = embedSnippet(session.apiBase, session.profile!.handle);
  const copy = () =>
    navigator.clipboard.writeText(snippet).then(
      () => session.announce('Snippet copied.'),
      () => session.announce('Copying was not allowed here: select the snippet and copy it.'),
    );
  return step('embed', '5. Your website', o.progress!.done.embed, html`
    ${origins.length ? html`<p>Sites allowed to show your booking widget: ${origins.join(', ')}.</p>` : nothing}
    <form @submit=${submit} class="row" novalidate>
      ${text(o, 'embed', 'allowedOrigins.0', 'Your website’s address', '', 'url')}
      <button type="submit" ?disabled=${o.busy === 'embed'}>Register site</button>
    </form>
    ${alert(o, 'embed')}
    <p class="hint">Paste this where the booking widget should appear:</p>
    <pre id="snippet">${snippet}</pre>
    <div><button type="button" @click=${copy}>Copy snippet</button></div>`);
}

export function previewStep(o: Onboarding) {
  const { apiBase, profile } = o.session!;
  const page = `${apiBase}/${profile!.handle}`;
  return html`<section class="preview" aria-labelledby="preview-title">
    <h2 id="preview-title">Preview: what your customers see</h2>
    <p>Your hosted booking page: <a href=${page} target="_blank" rel="noopener">${page}</a></p>
    ${keyed(o.previewVersion, html`<slotwise-booking specialist=${profile!.handle} api=${apiBase}></slotwise-booking>`)}
  </section>`;
}
