import { expect, html } from '@open-wc/testing';
import { createClient } from '@slotwise/sdk';
import './availability.js';
import type { SlotwiseConsoleAvailability } from './availability.component.js';
import { consoleApi, inConsole, sessionFor, signUpSpecialist } from '../../testing/session.js';
import { pressKey } from '../../../testing/keyboard.js';
import { eventually, find, textOf } from '../../testing/dom.js';
import { recurrenceSummary } from './recurrence.js';
import { openIntervals, proposedInterval } from './weekly.js';

async function mount() {
  const { tokens, handle } = await signUpSpecialist({ timeZone: 'Europe/Paris' });
  const session = await sessionFor(tokens);
  const service = await session.client.me.services.create({ name: 'Intro', durations: [{ minutes: 20, price: 0 }] });
  const el = await inConsole<SlotwiseConsoleAvailability>(html`<slotwise-console-availability></slotwise-console-availability>`, session);
  await eventually(() => find(el, '#weekly form'), 'the editor');
  return { el, session, handle, service };
}

function setTime(el: Element, selector: string, value: string) {
  const input = find<HTMLInputElement>(el, selector)!;
  input.value = value;
  input.dispatchEvent(new Event('change'));
}

const buttonNamed = (el: Element, text: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)!;

describe('<slotwise-console-availability>', () => {
  it('hours overlapping others of the same day: the server’s sentence beside the later start, focus on it, nothing saved', async () => {
    const { el, session } = await mount();
    buttonNamed(el, 'Add hours on Monday').click();
    await el.updateComplete;
    buttonNamed(el, 'Add hours on Monday').click();
    await el.updateComplete;
    expect([find<HTMLInputElement>(el, '#weekly-1-start')!.value, find<HTMLInputElement>(el, '#weekly-1-end')!.value]).to.deep.equal(['18:00', '23:00']);
    setTime(el, '#weekly-1-start', '16:00'); // inside 09:00–17:00
    buttonNamed(el, 'Save weekly hours').click();
    await eventually(() => find(el, '#weekly-1-start-error'), 'the overlap error');
    expect(textOf(find(el, '#weekly-1-start-error'))).to.contain('These hours overlap other hours of the same day');
    expect(el.shadowRoot!.activeElement?.id).to.equal('weekly-1-start');
    expect(find(el, '#weekly-1-start')!.getAttribute('aria-invalid')).to.equal('true');
    expect((await session.client.me.availability.retrieve()).weekly).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('a weekly-hours edit changes the public slots, and the preview shows them in the visitor’s zone', async () => {
    const { el, handle, service } = await mount();
    await eventually(() => textOf(find(el, '#preview')).includes('No open times'), 'an empty preview');
    await expect(el).to.be.accessible();

    buttonNamed(el, 'Add hours on Monday').focus();
    await pressKey('Enter'); // the keyboard reaches and presses every control
    await el.updateComplete;
    expect(find<HTMLInputElement>(el, '#weekly-0-start')!.value).to.equal('09:00');
    setTime(el, '#weekly-0-end', '08:00'); // before the start: the server says so beside the field
    buttonNamed(el, 'Save weekly hours').click();
    await eventually(() => find(el, '#weekly-0-end-error'), 'the end-time error');
    expect(el.shadowRoot!.activeElement?.id).to.equal('weekly-0-end');

    setTime(el, '#weekly-0-end', '10:00');
    buttonNamed(el, 'Save weekly hours').click();
    await eventually(() => find(el, '#preview li'), 'open times in the preview');

    const slots = await createClient({ baseURL: consoleApi() }).specialists.slots(handle, { service: service.id, timezone: 'Europe/Paris' });
    // On a Monday morning in Paris today's earlier times have passed: today may offer only the last of them.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    const hours = ['09:00', '09:20', '09:40'];
    for (const day of slots.days) {
      expect(new Date(`${day.date}T12:00:00Z`).getUTCDay()).to.equal(1); // Mondays only
      const times = day.slots.map((s) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', timeStyle: 'short' }).format(new Date(s.start)));
      expect(times).to.deep.equal(day.date === today ? hours.slice(hours.length - times.length) : hours);
    }
    const fullDay = slots.days.find((day) => day.date !== today)!.date;
    const previewOf = (date: string) => textOf(find(el, `#preview li[data-date="${date}"]`));
    expect(previewOf(fullDay)).to.match(/\b0?9:00/);

    const zone = find<HTMLSelectElement>(el, '#pv-zone')!;
    zone.value = 'America/New_York';
    zone.dispatchEvent(new Event('change'));
    await eventually(() => el.preview.zone === 'America/New_York' && el.preview.status === 'ready', 'the preview in New York time');
    // 03:00 there, or 04:00 in the weeks when one side has changed its clocks and the other not yet.
    const first = slots.days.find((day) => day.date === fullDay)!.slots[0]!.start;
    const hourInNewYork = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', hourCycle: 'h23' }).format(new Date(first)));
    expect(previewOf(fullDay)).to.match(new RegExp(`\\b0?${hourInNewYork}:00`));
  });

  it('closes a day chosen on the month calendar, removes it after a confirmation, and adds “every other Saturday”', async () => {
    const { el, session } = await mount();
    const day = find<HTMLButtonElement>(el, '.grid button[data-date$="-20"]')!;
    day.click();
    await el.updateComplete;
    expect(find<HTMLInputElement>(el, '#ov-from')!.value).to.equal(day.dataset['date']);
    buttonNamed(el, 'Save these dates').click();
    await eventually(() => find(el, '.grid button.marked'), 'the day marked');
    expect(find(el, '.grid button.marked')!.getAttribute('aria-label')).to.contain('closed');
    expect((await session.client.me.availability.retrieve()).overrides).to.deep.include({ ...(await session.client.me.availability.retrieve()).overrides[0]!, from: day.dataset['date'], intervals: [] });

    find<HTMLButtonElement>(el, '#overrides li button.danger')!.click();
    await eventually(() => find<HTMLDialogElement>(el, 'dialog')?.open, 'the confirmation');
    expect(textOf(find(el, 'dialog'))).to.contain('customers may book them');
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Keep it'); // Enter keeps it
    find<HTMLButtonElement>(el, 'dialog button.danger')!.click();
    await eventually(async () => (await session.client.me.availability.retrieve()).overrides.length === 0, 'the override removed');

    const interval = find<HTMLSelectElement>(el, '#rr-interval')!;
    interval.value = '2';
    buttonNamed(el, 'Add recurring hours').click();
    await eventually(() => textOf(find(el, '#recurring ul')).includes('every other Saturday 10:00–12:00'), 'the summary');
    const [rule] = (await session.client.me.availability.retrieve()).recurring;
    expect(rule).to.include({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', start: '10:00', end: '12:00' });
    // Counted from a date with its year: "every other" means nothing without knowing which year's Saturday.
    expect(textOf(find(el, '#recurring ul'))).to.contain(`(from ${new Date(`${rule!.anchor}T12:00:00Z`).toLocaleDateString(undefined, { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' })})`);
  });

  it('starts each date rule picked on the calendar afresh: the last one’s “Until” is not carried into it', async () => {
    const { el, session } = await mount();
    const [first, second] = ['-20', '-16'].map((d) => find<HTMLButtonElement>(el, `.grid button[data-date$="${d}"]`)!);
    first!.click();
    await el.updateComplete;
    const until = find<HTMLInputElement>(el, '#ov-to')!;
    const to = `${first!.dataset['date']!.slice(0, 8)}22`;
    until.value = to;
    buttonNamed(el, 'Save these dates').click();
    await eventually(() => session.announced.includes('Marked closed.'), 'the closure saved');
    expect((await session.client.me.availability.retrieve()).overrides.map((o) => [o.from, o.to])).to.deep.equal([[first!.dataset['date'], to]]);
    expect(find<HTMLInputElement>(el, '#ov-to')!.value).to.equal('');

    until.value = to; // typed again, then another day picked
    second!.click();
    await el.updateComplete;
    expect(find<HTMLInputElement>(el, '#ov-from')!.value).to.equal(second!.dataset['date']);
    expect(find<HTMLInputElement>(el, '#ov-to')!.value).to.equal('');
    buttonNamed(el, 'Save these dates').click();
    await eventually(async () => (await session.client.me.availability.retrieve()).overrides.length === 2, 'the second closure');
    expect((await session.client.me.availability.retrieve()).overrides.map((o) => [o.from, o.to])).to.deep.include([second!.dataset['date'], second!.dataset['date']]);
  });

  it('shows an outside calendar’s last sync, and the error when “Sync now” finds its server failing', async () => {
    const { el, session } = await mount();
    const url = `${consoleApi()}/dev/feeds/flaky-${crypto.randomUUID()}.ics`; // answers once, then 500
    const field = find<HTMLInputElement>(el, '#feed-url')!;
    field.value = url;
    buttonNamed(el, 'Add calendar').click();
    await eventually(() => find(el, '#feeds li.feed'), 'the feed listed');
    expect(textOf(find(el, '#feeds li.feed'))).to.contain('Synced just now · 1 busy time');

    const host = new URL(url).host;
    find<HTMLButtonElement>(el, `#feeds button[aria-label="Sync now: ${host}"]`)!.click();
    await eventually(() => find(el, '#feeds li.feed .error'), 'the sync error');
    const status = textOf(find(el, '#feeds li.feed .error'));
    expect(status).to.contain('Sync failed just now: The calendar server answered 500');
    expect(status).to.contain('Still using the copy read just now.');
    expect(session.announced.at(-1)).to.contain(`${host} could not be read`);
    const [feed] = (await session.client.me.availability.retrieve()).calendarFeeds;
    expect(feed).to.include({ busyCount: 1 });
    expect(feed!.lastError).to.match(/answered 500/);
    await expect(el).to.be.accessible();
  });

  it('“Add hours” on a day open until 23:00 proposes morning hours the server accepts', async () => {
    const { el, session } = await mount();
    buttonNamed(el, 'Add hours on Tuesday').click();
    await el.updateComplete;
    setTime(el, '#weekly-0-end', '23:00');
    await el.updateComplete;
    buttonNamed(el, 'Add hours on Tuesday').click();
    await el.updateComplete;
    const shown = (i: number) => [find<HTMLInputElement>(el, `#weekly-${i}-start`)!.value, find<HTMLInputElement>(el, `#weekly-${i}-end`)!.value];
    expect([shown(0), shown(1)]).to.deep.equal([['05:00', '08:00'], ['09:00', '23:00']]);
    buttonNamed(el, 'Save weekly hours').click();
    await eventually(() => session.announced.includes('Weekly hours saved.'), 'the saved week');
    expect((await session.client.me.availability.retrieve()).weekly).to.deep.equal([
      { weekday: 2, start: '05:00', end: '08:00' },
      { weekday: 2, start: '09:00', end: '23:00' },
    ]);
    await expect(el).to.be.accessible();
  });

  it('proposes only hours that start before they end and overlap nothing, until a day has none left', () => {
    let week = [{ weekday: 3, start: '09:00', end: '17:00' }];
    const proposals: string[] = [];
    for (let next = proposedInterval(week, 3); next; next = proposedInterval(week, 3)) {
      proposals.push(`${next.start}–${next.end}`);
      expect(next.start < next.end, `${next.start}–${next.end}`).to.equal(true);
      expect(openIntervals([...week, next], [])).to.have.length(week.length + 1); // joins nothing: no overlap
      week = [...week, next];
      if (proposals.length > 20) break;
    }
    expect(proposals).to.deep.equal(['18:00–23:00', '05:00–08:00', '01:00–04:00', '00:00–01:00', '04:00–05:00', '08:00–09:00', '17:00–18:00']);
    expect(proposedInterval([], 4)).to.deep.equal({ weekday: 4, start: '09:00', end: '17:00' });
    expect(proposedInterval([{ weekday: 4, start: '08:00', end: '12:00' }, { weekday: 4, start: '16:00', end: '22:00' }], 4)).to.deep.equal({ weekday: 4, start: '04:00', end: '07:00' });
    expect(proposedInterval([{ weekday: 4, start: '00:00', end: '12:00' }, { weekday: 4, start: '16:00', end: '22:30' }], 4)).to.deep.equal({ weekday: 4, start: '13:00', end: '15:00' });
  });

  it('reads breaks as gaps, and recurring rules as sentences', () => {
    expect(openIntervals([{ weekday: 2, start: '09:00', end: '17:00' }], [{ weekday: 2, start: '12:00', end: '13:00' }])).to.deep.equal([
      { weekday: 2, start: '09:00', end: '12:00' },
      { weekday: 2, start: '13:00', end: '17:00' },
    ]);
    // A week saved overlapping before the API refused it shows as what it opens; touching ones stay apart.
    const older = [{ weekday: 1, start: '11:00', end: '14:00' }, { weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '14:00', end: '15:00' }, { weekday: 1, start: '13:00', end: '13:30' }];
    expect(openIntervals(older, [])).to.deep.equal([
      { weekday: 1, start: '09:00', end: '14:00' },
      { weekday: 1, start: '14:00', end: '15:00' },
    ]);
    expect(recurrenceSummary({ rrule: 'FREQ=WEEKLY;INTERVAL=3;BYDAY=MO', start: '08:00', end: '09:00' }, 'en')).to.equal('every 3 weeks on Monday 08:00–09:00');
    expect(recurrenceSummary({ rrule: 'FREQ=MONTHLY;BYMONTHDAY=1', start: '08:00', end: '09:00' }, 'en')).to.equal('FREQ=MONTHLY;BYMONTHDAY=1 08:00–09:00');
  });
});
