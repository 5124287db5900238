import { consume } from '@lit/context';
import type { ProfileUpdate } from '@slotwise/sdk/contract';
import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { tokens } from '../../../styles/tokens.js';
import { CURRENCIES, timeZones } from '../../auth/zones.js';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { focusFirstInvalid, saveFailure, textField, type SaveFailure } from '../../forms.js';
import { consoleStyles } from '../../styles.js';
import './parts.js';

type Part = 'profile' | 'directory' | 'notices' | 'feed';

/** Folds `reminderHours.1` (or `categories.0`, `languages.2`) into its list: the form has one field for each list. */
function listErrors(failure: SaveFailure): SaveFailure {
  const fields = { ...failure.fields };
  for (const [name, message] of Object.entries(failure.fields)) {
    const list = /^(reminderHours|categories|languages)\./.exec(name)?.[1];
    if (list) fields[list] ??= message;
  }
  return { ...failure, fields };
}

/** A comma- or space-separated list as typed, without blanks. */
const words = (value: FormDataEntryValue | null) => String(value ?? '').split(/[,\s]+/).filter(Boolean);

/**
 * @summary The specialist's profile, their directory listing (opt out, headline, categories,
 * languages), how they are told about bookings (reminders, notice address,
 * daily agenda, language), and the private calendar feed of their bookings (its address is shown
 * once; making a new one or turning it off confirms first, because the old address stops working),
 * then the specialist's data (`<slotwise-console-your-data>`) and closing the account
 * (`<slotwise-console-close-account>`).
 */
export class SlotwiseConsoleSettings extends LitElement {
  static override styles = [tokens, consoleStyles];

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;
  @property() route = '';
  @state() private failures: Partial<Record<Part, SaveFailure>> = {};
  @state() private busy: Part | undefined;
  @state() private feedUrl = '';
  @state() private confirming: 'rotate' | 'revoke' | undefined;
  @query('dialog') private dialog!: HTMLDialogElement;

  private async run<T>(part: Part, action: () => Promise<T>, done: string | ((result: T) => string)) {
    this.busy = part;
    this.failures = { ...this.failures, [part]: undefined };
    try {
      const result = await action();
      this.session!.announce(typeof done === 'string' ? done : done(result));
    } catch (error) {
      this.failures = { ...this.failures, [part]: listErrors(saveFailure(error)) };
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot.querySelector(`#${part}`)!);
    } finally {
      this.busy = undefined;
    }
  }

  private update$(part: Part, update: ProfileUpdate, done: string) {
    return this.run(part, async () => {
      await this.session!.client.me.profile.update(update);
      await this.session!.refreshProfile();
    }, done);
  }

  private saveProfile(event: SubmitEvent) {
    event.preventDefault();
    const d = new FormData(event.target as HTMLFormElement);
    const meetingLink = String(d.get('meetingLink')).trim();
    const photoUrl = String(d.get('photoUrl')).trim();
    const before = this.session!.profile!.handle;
    const handle = String(d.get('handle'));
    // A new handle moves the page and breaks every embed naming the old one: said, not left to be found.
    const done = handle.trim() === before
      ? 'Profile saved.'
      : `Profile saved. Your page is now ${this.session!.apiBase}/${handle.trim()}; ${this.session!.apiBase}/${before} and every widget on your site that names specialist="${before}" no longer work — change them to specialist="${handle.trim()}".`;
    void this.update$('profile', {
      name: String(d.get('name')), handle, bio: String(d.get('bio')), timeZone: String(d.get('timeZone')),
      currency: String(d.get('currency')), meetingLink: meetingLink === '' ? null : meetingLink, photoUrl: photoUrl === '' ? null : photoUrl,
    }, done);
  }

  private saveDirectory(event: SubmitEvent) {
    event.preventDefault();
    const d = new FormData(event.target as HTMLFormElement);
    void this.update$('directory', {
      headline: String(d.get('headline')), categories: words(d.get('categories')), languages: words(d.get('languages')), directoryListed: d.get('directoryListed') === 'on',
    }, 'Directory listing saved.');
  }

  private saveNotices(event: SubmitEvent) {
    event.preventDefault();
    const d = new FormData(event.target as HTMLFormElement);
    const hours = String(d.get('reminderHours')).split(/[,\s]+/).filter(Boolean).map(Number);
    const email = String(d.get('notificationEmail')).trim();
    void this.update$('notices', { reminderHours: hours, notificationEmail: email === '' ? null : email, dailyAgenda: d.get('dailyAgenda') === 'on', locale: String(d.get('locale')).trim() }, 'Notification settings saved.');
  }

  private feed(kind: 'rotate' | 'revoke') {
    this.dialog?.close();
    const { bookingsFeed } = this.session!.client.me;
    if (kind === 'revoke') {
      return void this.run(
        'feed',
        async () => {
          const { revoked } = await bookingsFeed.revoke();
          this.feedUrl = '';
          return revoked;
        },
        // Said as it was: with no feed, nothing was turned off.
        (revoked) => (revoked ? 'Calendar feed turned off. Its address no longer works.' : 'There was no calendar feed to turn off.'),
      );
    }
    void this.run('feed', async () => (this.feedUrl = (await bookingsFeed.create()).url), 'Calendar feed address made. Any earlier one no longer works.');
  }

  override render() {
    const p = this.session?.profile;
    if (!p) return nothing;
    const f = this.failures;
    const alert = (part: Part) => (f[part] ? html`<p class="error" role="alert" tabindex="-1">${f[part]!.message}</p>` : nothing);
    return html`
      <section id="profile" aria-labelledby="profile-title"><h2 id="profile-title">Profile</h2>
        <form @submit=${this.saveProfile} novalidate>${alert('profile')}
          ${textField({ id: 'st-name', name: 'name', label: 'Name', value: p.name, failure: f.profile })}
          ${textField({ id: 'st-handle', name: 'handle', label: 'Handle', value: p.handle, failure: f.profile, hint: `Your page: ${this.session!.apiBase}/${p.handle}. Changing it moves your page: widgets naming “${p.handle}” stop working until changed.` })}
          <label for="st-bio">About you <textarea id="st-bio" name="bio" rows="3" .value=${p.bio}></textarea></label>
          <label for="st-timeZone">Time zone <select id="st-timeZone" name="timeZone">${timeZones().map((z) => html`<option ?selected=${z === p.timeZone}>${z}</option>`)}</select></label>
          <label for="st-currency">Currency of new services <select id="st-currency" name="currency">${[...new Set([p.currency, ...CURRENCIES])].map((c) => html`<option ?selected=${c === p.currency}>${c}</option>`)}</select></label>
          ${textField({ id: 'st-photoUrl', name: 'photoUrl', label: 'Photo address (optional)', value: p.photoUrl, failure: f.profile, type: 'url', hint: 'An https:// image, shown on your booking page and in link previews.' })}
          ${textField({ id: 'st-meetingLink', name: 'meetingLink', label: 'Your own meeting link (optional)', value: p.meetingLink, failure: f.profile, type: 'url', hint: 'For services held at your own link.' })}
          <div><button class="primary" type="submit" ?disabled=${this.busy === 'profile'}>Save profile</button></div>
        </form></section>
      <section id="directory" aria-labelledby="directory-title"><h2 id="directory-title">Directory</h2>
        <p class="hint">The public directory lists you while your email is verified and you offer a service, unless you opt out here.</p>
        <form @submit=${this.saveDirectory} novalidate>${alert('directory')}
          <label class="inline"><input type="checkbox" name="directoryListed" ?checked=${p.directoryListed} /> List me in the directory</label>
          ${textField({ id: 'st-headline', name: 'headline', label: 'Headline (optional)', value: p.headline, failure: f.directory, hint: 'One line under your name, e.g. Career coach for engineers.' })}
          ${textField({ id: 'st-categories', name: 'categories', label: 'Categories', value: p.categories.join(', '), failure: f.directory, hint: 'Up to 5, lower-case words joined by hyphens: career-coaching, mindfulness.' })}
          ${textField({ id: 'st-languages', name: 'languages', label: 'Languages of your sessions', value: p.languages.join(', '), failure: f.directory, hint: 'Two-letter codes: en, de.' })}
          <div><button class="primary" type="submit" ?disabled=${this.busy === 'directory'}>Save directory listing</button></div>
        </form></section>
      <section id="notices" aria-labelledby="notices-title"><h2 id="notices-title">Notifications</h2>
        <form @submit=${this.saveNotices} novalidate>${alert('notices')}
          ${textField({ id: 'st-reminderHours', name: 'reminderHours', label: 'Reminders to customers (hours before)', value: p.reminderHours.join(', '), failure: f.notices, hint: 'e.g. 24, 1 — blank for none.' })}
          ${textField({ id: 'st-notificationEmail', name: 'notificationEmail', label: 'Send my notices to', value: p.notificationEmail, failure: f.notices, type: 'email', hint: `Blank: your login email, ${this.session!.account.email}.` })}
          <label class="inline"><input type="checkbox" name="dailyAgenda" ?checked=${p.dailyAgenda} /> A morning email with the day’s sessions</label>
          ${textField({ id: 'st-locale', name: 'locale', label: 'Language of my notices', value: p.locale, failure: f.notices, hint: 'A language tag such as en or en-GB.' })}
          <div><button class="primary" type="submit" ?disabled=${this.busy === 'notices'}>Save notifications</button></div>
        </form></section>
      <section id="feed" aria-labelledby="feed-title"><h2 id="feed-title">Your bookings in your calendar</h2>
        <p class="hint">A private address your calendar app subscribes to. It is shown once; anyone with it can read your bookings.</p>
        ${alert('feed')}
        ${this.feedUrl ? html`<label for="st-feed">Subscribe to this address <input id="st-feed" readonly .value=${this.feedUrl} /></label>` : nothing}
        <div class="row">
          <button type="button" @click=${() => this.ask('rotate')} ?disabled=${this.busy === 'feed'}>Make a feed address…</button>
          <button type="button" class="danger" @click=${() => this.ask('revoke')}>Turn the feed off…</button>
        </div></section>
      <dialog aria-labelledby="st-confirm-title">
        <h2 id="st-confirm-title">${this.confirming === 'revoke' ? 'Turn the calendar feed off?' : 'Make a new feed address?'}</h2>
        <p>${this.confirming === 'revoke' ? 'Calendars subscribed to it stop getting your bookings.' : 'An earlier address, if you made one, stops working at once: calendars subscribed to it stop getting your bookings until you subscribe to the new one.'}</p>
        <div class="row"><button type="button" class="danger" @click=${() => this.feed(this.confirming!)}>${this.confirming === 'revoke' ? 'Turn off' : 'Make it'}</button>
          <button type="button" autofocus @click=${() => this.dialog.close()}>Keep it</button></div>
      </dialog>
      <slotwise-console-your-data></slotwise-console-your-data>
      <slotwise-console-close-account></slotwise-console-close-account>
    `;
  }

  private ask(kind: 'rotate' | 'revoke') {
    this.confirming = kind;
    this.dialog.showModal();
  }
}
