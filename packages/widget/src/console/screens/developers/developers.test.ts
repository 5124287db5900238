import { expect, html } from '@open-wc/testing';
import { createClient } from '@slotwise/sdk';
import { deep, deepAll, eventually } from '../../../testing/helpers.js';
import { text, shown, part, button, fill, confirmDialog } from '../../testing/screen.js';
import { consoleApi, inConsole } from '../../testing/session.js';
import { openPractice } from '../../testing/practice.js';
import type { SlotwiseConsoleDevelopers } from './developers.component.js';
import './developers.js';
import { LANGUAGES } from '../../../i18n/index.js';
import { snippetLanguages } from './snippet.js';

const works = (key: string) => createClient({ baseURL: consoleApi(), apiKey: key }).me.profile.retrieve().then(() => true, () => false);

describe('console developers', () => {
  it('offers in the snippet exactly the languages the widget has words for', () => {
    const offered = snippetLanguages.map(({ tag }) => tag.split('-')[0]).filter(Boolean);
    expect([...new Set(offered)].sort()).to.deep.equal([...LANGUAGES].sort());
  });

  it('creates a key shown once, rotates it (the old one dies) and revokes it, each confirmed', async () => {
    const practice = await openPractice();
    const el = await inConsole<SlotwiseConsoleDevelopers>(html`<slotwise-console-developers></slotwise-console-developers>`, practice.session);
    const keys = part(el, 'api-keys');
    await eventually(() => shown(keys).includes('No keys yet.'), 'the keys');
    button(keys, 'Create key').click();
    await eventually(() => deep(keys, '#error-name'), 'the name’s error');
    expect(keys.shadowRoot!.activeElement?.id).to.equal('key-name');

    fill(keys, '#key-name', 'Zapier');
    button(keys, 'Create key').click();
    button(keys, 'Create key').click(); // a double click creates one key and shows no error
    await eventually(() => deep(keys, '[data-secret]'), 'the secret');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(deep(keys, '#error-name')).to.equal(undefined);
    expect((await practice.session.client.me.apiKeys.list()).data.map((k) => k.name)).to.deep.equal(['Zapier']);
    expect(text(deep(keys, '.secret-once'))).to.contain('won’t be shown again: only a hash of it is kept.');
    const first = text(deep(keys, '[data-secret]'));
    expect(await works(first)).to.equal(true);
    await expect(el).to.be.accessible();

    button(keys, 'Rotate Zapier').click();
    await confirmDialog(keys, 'stops working at once');
    await eventually(() => text(deep(keys, '[data-secret]')) !== first, 'the new secret');
    const second = text(deep(keys, '[data-secret]'));
    expect(await works(first)).to.equal(false);
    expect(await works(second)).to.equal(true);

    button(keys, 'I have stored it').click();
    await eventually(() => !deep(keys, '[data-secret]'), 'the secret gone');
    button(keys, 'Revoke Zapier').click();
    await confirmDialog(keys, 'cannot be undone');
    // The rotated key's row already reads "Revoked": wait for the second one's.
    await eventually(() => (shown(keys).match(/Revoked/g) ?? []).length === 2, 'both keys revoked');
    expect(await works(second)).to.equal(false);
  });

  it('adds an embed origin after the server refused a path beside the field, removes it, and builds the snippet', async () => {
    const practice = await openPractice();
    const el = await inConsole<SlotwiseConsoleDevelopers>(html`<slotwise-console-developers></slotwise-console-developers>`, practice.session);
    const embed = part(el, 'embed');
    await eventually(() => deep(embed, '#origin'), 'the origins form');
    fill(embed, '#origin', 'https://coach.example/booking');
    button(embed, 'Add origin').click();
    await eventually(() => deep(embed, '#error-origin'), 'the server’s message');
    expect(text(deep(embed, '#error-origin'))).to.contain('origin alone');
    expect(deep(embed, '#origin')!.getAttribute('aria-describedby')).to.equal('error-origin');
    expect(deep<HTMLInputElement>(embed, '#origin')!.value).to.equal('https://coach.example/booking');
    expect((await practice.session.client.me.profile.retrieve()).allowedOrigins).to.deep.equal([]);

    fill(embed, '#origin', 'https://Coach.example');
    button(embed, 'Add origin').click();
    await eventually(() => text(deep(embed, 'ul.origins')).includes('https://coach.example'), 'the origin listed');
    expect((await practice.session.client.me.profile.retrieve()).allowedOrigins).to.deep.equal(['https://coach.example']);
    button(embed, 'Remove https://coach.example').click();
    await confirmDialog(embed, 'any site may embed');
    await eventually(() => !text(deep(embed, 'ul.origins')).includes('coach.example'), 'the origin gone');
    expect((await practice.session.client.me.profile.retrieve()).allowedOrigins).to.deep.equal([]);

    const lang = deepAll<HTMLSelectElement>(embed, 'select')[0]!;
    lang.value = 'de';
    lang.dispatchEvent(new Event('change'));
    await embed.updateComplete;
    const snippet = text(deep(embed, 'code.snippet'));
    expect(snippet).to.contain(`<link rel="modulepreload" href="${consoleApi()}/widget/slotwise/core.js"> <script src="${consoleApi()}/widget/slotwise.js" defer></script>`);
    expect(snippet).to.contain(`<slotwise-booking specialist="${practice.handle}" lang="de"`);
  });

  it('adds a webhook endpoint (secret once), shows its deliveries with status, redelivers, and disables it', async () => {
    // Fourteen hours ahead of UTC: a time shown in the browser's zone instead would read otherwise.
    const practice = await openPractice({ timeZone: 'Pacific/Kiritimati' });
    const el = await inConsole<SlotwiseConsoleDevelopers>(html`<slotwise-console-developers></slotwise-console-developers>`, practice.session);
    const hooks = part(el, 'webhooks');
    await eventually(() => shown(hooks).includes('No endpoints yet.'), 'the endpoints');
    fill(hooks, '#webhook-url', 'https://hooks.example.com/slotwise');
    button(hooks, 'Add endpoint').click();
    await eventually(() => deep(hooks, '#error-eventTypes'), 'the event types’ error');
    expect(text(deep(hooks, '#error-eventTypes'))).to.contain('at least one event type');

    deep<HTMLInputElement>(hooks, 'input[value="booking.created"]')!.click();
    button(hooks, 'Add endpoint').click();
    await eventually(() => deep(hooks, '[data-secret]'), 'the signing secret');
    expect(text(deep(hooks, '[data-secret]'))).to.match(/^whsec_/);
    // Kept encrypted (the server signs with it), not as a hash: the sentence says so.
    expect(text(deep(hooks, '.secret-once'))).to.contain('it is kept encrypted, to sign what is sent to you');
    expect(text(deep(hooks, '.secret-once'))).not.to.contain('hash');
    const [endpoint] = (await practice.session.client.me.webhooks.list()).data;
    expect(endpoint).to.include({ url: 'https://hooks.example.com/slotwise', enabled: true });
    expect(endpoint!.eventTypes).to.deep.equal(['booking.created']);

    await practice.book(0);
    await eventually(async () => (await practice.session.client.me.webhooks.deliveries.list(endpoint!.id)).data.length > 0, 'a delivery');
    button(hooks, 'Show deliveries').click();
    await eventually(() => deep(hooks, 'table.deliveries tbody tr'), 'the delivery log');
    expect(text(deep(hooks, 'table.deliveries tbody tr'))).to.contain('booking.created');
    const [delivery] = (await practice.session.client.me.webhooks.deliveries.list(endpoint!.id)).data;
    const inZone = (timeZone: string) => new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(delivery!.createdAt));
    expect(text(deep(hooks, 'table.deliveries tbody tr'))).to.contain(inZone('Pacific/Kiritimati'));
    expect(text(deep(hooks, 'table.deliveries tbody tr'))).not.to.contain(inZone('UTC'));
    button(hooks, 'Redeliver').click();
    await eventually(() => deepAll(hooks, 'table.deliveries tbody tr').length === 2, 'the redelivery');
    expect(text(deep(hooks, 'table.deliveries'))).to.contain('(redelivery)');

    button(hooks, 'Disable').click();
    await eventually(() => text(deep(hooks, 'li.endpoint')).includes('Disabled'), 'the disabled endpoint');
    expect((await practice.session.client.me.webhooks.retrieve(endpoint!.id)).enabled).to.equal(false);
  });

  it('lists an endpoint subscribed to everything as “Every event”, not the API’s “*”', async () => {
    const practice = await openPractice();
    await practice.session.client.me.webhooks.create({ url: 'https://hooks.example.com/all', eventTypes: ['*'] });
    const el = await inConsole<SlotwiseConsoleDevelopers>(html`<slotwise-console-developers></slotwise-console-developers>`, practice.session);
    const hooks = part(el, 'webhooks');
    await eventually(() => shown(hooks).includes('https://hooks.example.com/all'), 'the endpoint');
    expect(shown(hooks)).to.contain('Enabled · Every event');
    expect(shown(hooks)).not.to.contain('· *');
  });
});
