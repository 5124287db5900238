import { expect, html } from '@open-wc/testing';
import './settings.js';
import type { SlotwiseConsoleSettings } from './settings.component.js';
import { inConsole, sessionFor, signUpSpecialist } from '../../testing/session.js';
import { pressKey, typeInto } from '../../../testing/keyboard.js';
import { eventually, fill, find, textOf } from '../../testing/dom.js';

async function mount() {
  const { tokens } = await signUpSpecialist();
  const session = await sessionFor(tokens);
  const el = await inConsole<SlotwiseConsoleSettings>(html`<slotwise-console-settings></slotwise-console-settings>`, session);
  await eventually(() => find(el, '#profile form'), 'the settings');
  return { el, session };
}

const submitIn = (el: Element, section: string) => find<HTMLButtonElement>(el, `#${section} button[type=submit]`)!.click();

describe('<slotwise-console-settings>', () => {
  it('saves the profile and notification settings, showing the server’s field errors and keeping what was typed', async () => {
    const { el, session } = await mount();
    await expect(el).to.be.accessible();
    await typeInto(find<HTMLInputElement>(el, '#st-name')!, 'Dr. Ada');
    await typeInto(find<HTMLInputElement>(el, '#st-meetingLink')!, 'http://not-https.example/room');
    await pressKey('Enter');
    await eventually(() => find(el, '#st-meetingLink-error'), 'the meeting link error');
    expect(el.shadowRoot!.activeElement?.id).to.equal('st-meetingLink');
    expect(find<HTMLInputElement>(el, '#st-name')!.value).to.equal('Dr. Ada');
    fill(el, ['#st-meetingLink'], 'https://meet.example/ada');
    fill(el, ['#st-photoUrl'], 'https://img.example/ada.jpg');
    submitIn(el, 'profile');
    await eventually(() => session.announced.includes('Profile saved.'), 'the profile saved');
    expect(await session.client.me.profile.retrieve()).to.include({ name: 'Dr. Ada', meetingLink: 'https://meet.example/ada', photoUrl: 'https://img.example/ada.jpg' });

    // A new handle moves the page: the console says what stops working and what to change.
    const before = session.profile!.handle;
    const after = `${before}-new`;
    fill(el, ['#st-handle'], after);
    submitIn(el, 'profile');
    await eventually(() => session.announced.length > 1, 'the handle saved');
    expect(session.announced.at(-1)).to.equal(
      `Profile saved. Your page is now ${session.apiBase}/${after}; ${session.apiBase}/${before} and every widget on your site that names specialist="${before}" no longer work — change them to specialist="${after}".`,
    );
    expect((await session.client.me.profile.retrieve()).handle).to.equal(after);

    fill(el, ['#st-reminderHours'], '24, 9999');
    submitIn(el, 'notices');
    await eventually(() => find(el, '#st-reminderHours-error'), 'the reminder error');
    expect(textOf(find(el, '#st-reminderHours-error'))).to.contain('336 hours');
    fill(el, ['#st-reminderHours'], '1, 24');
    fill(el, ['#st-notificationEmail'], 'desk@example.com');
    find<HTMLInputElement>(el, '#notices input[name=dailyAgenda]')!.checked = true;
    submitIn(el, 'notices');
    await eventually(() => session.announced.includes('Notification settings saved.'), 'the notices saved');
    expect(await session.client.me.profile.retrieve()).to.deep.include({ reminderHours: [24, 1], notificationEmail: 'desk@example.com', dailyAgenda: true });
  });

  it('makes the calendar feed address after a confirmation, shows it once, and turns it off', async () => {
    const { el, session } = await mount();
    find<HTMLButtonElement>(el, '#feed .row button')!.click();
    expect(find<HTMLDialogElement>(el, 'dialog')!.open).to.equal(true);
    expect(textOf(find(el, 'dialog'))).to.contain('stops working');
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Keep it'); // Enter keeps it
    find<HTMLButtonElement>(el, 'dialog button.danger')!.click();
    await eventually(() => find(el, '#st-feed'), 'the feed address');
    const url = find<HTMLInputElement>(el, '#st-feed')!.value;
    expect(url).to.match(/\/bookings\.ics$/);

    find<HTMLButtonElement>(el, '#feed button.danger')!.click();
    find<HTMLButtonElement>(el, 'dialog button.danger')!.click();
    await eventually(() => !find(el, '#st-feed'), 'the address gone');
    // Nothing left to revoke: the console's "turn off" ended it on the server.
    expect(await session.client.me.bookingsFeed.revoke()).to.deep.equal({ revoked: false });
    expect(session.announced.at(-1)).to.contain('no longer works');

    // Turned off again with none left: it says there was none, not that it turned one off.
    find<HTMLButtonElement>(el, '#feed button.danger')!.click();
    find<HTMLButtonElement>(el, 'dialog button.danger')!.click();
    await eventually(() => session.announced.at(-1) === 'There was no calendar feed to turn off.', 'said as it was');
  });

  it('opts out of the directory and back in, with a headline, categories and languages; a wrong category is said beside its field', async () => {
    const { el, session } = await mount();
    expect(find<HTMLInputElement>(el, '#directory input[name=directoryListed]')!.checked, 'listed by default').to.equal(true);
    fill(el, ['#st-headline'], 'Kubernetes mentor');
    fill(el, ['#st-categories'], 'Career Coaching!');
    submitIn(el, 'directory');
    await eventually(() => find(el, '#st-categories-error'), 'the category error');
    expect(textOf(find(el, '#st-categories-error'))).to.contain('lower-case words joined by hyphens');
    fill(el, ['#st-categories'], 'career-coaching, mentoring');
    fill(el, ['#st-languages'], 'en de');
    find<HTMLInputElement>(el, '#directory input[name=directoryListed]')!.checked = false;
    submitIn(el, 'directory');
    await eventually(() => session.announced.includes('Directory listing saved.'), 'the listing saved');
    expect(await session.client.me.profile.retrieve()).to.deep.include({ headline: 'Kubernetes mentor', categories: ['career-coaching', 'mentoring'], languages: ['en', 'de'], directoryListed: false });
    await expect(el).to.be.accessible();
  });
});
