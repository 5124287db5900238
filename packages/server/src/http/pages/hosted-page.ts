import type { Review, Service, Specialist } from '@slotwise/sdk/contract';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { money } from '../../services/mail/format.js';
import { en, type PageWords } from './locales/en.js';
import type { PageLanguage } from './locales/index.js';
import { pageHead } from './page-head.js';

/** Where the customer widget's script-tag build is served. */
export const WIDGET_SCRIPT = '/widget/slotwise.js';

/**
 * The module the widget's loader imports first, named beside the script tag so the browser fetches
 * it while the loader is on its way (`slotwise/core.js` beside `slotwise.js`, versioned or not).
 */
export const preloadFor = (script: string): string => script.replace(/slotwise\.js$/, 'slotwise/core.js');

/** The longest meta description search engines and link previews show in full. */
const DESCRIPTION_MAX = 160;

/** A profile as the hosted page shows it; `photoUrl` once profiles carry one. */
export type HostedProfile = Specialist;

/**
 * The bio as one line of at most `DESCRIPTION_MAX` characters (what previews show in full), cut
 * at the last word break past the middle and marked `…`; a plain sentence when there is no bio.
 */
export function pageDescription(profile: Pick<Specialist, 'name' | 'bio'>, words: PageWords['booking'] = en.booking): string {
  const line = profile.bio.replace(/\s+/g, ' ').trim();
  if (!line) return words.description(profile.name);
  if (line.length <= DESCRIPTION_MAX) return line;
  const cut = line.slice(0, DESCRIPTION_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > DESCRIPTION_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/** `30 min · Free or 60 min · €90.00`: each length the service is offered for, with its price, in the page's language. */
const offers = (service: Service, { lang, words }: PageLanguage) =>
  new Intl.ListFormat(lang, { type: 'disjunction' }).format(
    service.durations.map((d) => `${words.booking.minutes(d.minutes)} · ${d.price === 0 ? words.booking.free : money(d.price, service.currency, lang)}`),
  );

/** An http(s) URL, or nothing: a photo URL is only ever shown or announced if it is one. */
const webUrl = (url: string | null | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

/**
 * A specialist's hosted booking page (`/{handle}`), rendered on the server so it reads before any
 * script runs and link previews see it: title, description and Open Graph tags from the profile,
 * the name, bio and active services with their lengths and prices, then the booking widget. Every
 * value passes through Hono's `html` template, which escapes it (attributes included). Its own
 * words, and so the widget in it (which follows `<html lang>`), are in the visitor's language
 * (`pageLanguage`: the browser's); the specialist's own text stays as they wrote it (`dir="auto"`).
 *
 * @param url - this page's canonical address (`https://host/handle`)
 * @param api - the origin the widget books through (this server)
 * @param script - the widget script's path, its versioned URL when known (@default `WIDGET_SCRIPT`)
 * @param latest - the newest visible reviews, shown here under the rating as text (escaped like
 *   every value); the widget below is told `reviews="off"` so they are not shown twice.
 */
export function hostedPage(profile: HostedProfile, url: string, api: string, language: PageLanguage, script = WIDGET_SCRIPT, latest: readonly Review[] = []): HtmlEscapedString | Promise<HtmlEscapedString> {
  const w = language.words.booking;
  const title = w.title(profile.name);
  const description = pageDescription(profile, w);
  const photo = webUrl(profile.photoUrl);
  const bio = profile.bio.trim().split(/\n\s*\n/).filter(Boolean);
  return html`<!doctype html>
<html lang="${language.lang}" dir="${language.dir}">
  <head>
    ${pageHead}
    <title>${title}</title>
    <meta name="description" content="${description}" />
    <link rel="canonical" href="${url}" />
    <meta property="og:title" content="${title}" />
    <meta property="og:description" content="${description}" />
    <meta property="og:type" content="profile" />
    <meta property="og:url" content="${url}" />
    ${photo ? html`<meta property="og:image" content="${photo}" />` : ''}
    <style>
      header { display: flex; gap: 1rem; align-items: center; }
      header img { width: 4.5rem; height: 4.5rem; border-radius: 50%; object-fit: cover; flex: none; }
      .services { list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem; }
      .services li { border: 1px solid var(--line); border-radius: .75rem; padding: .75rem 1rem; }
      .services p { margin: .25rem 0 0; }
      .reviews { list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem; }
      .reviews p { margin: .25rem 0 0; white-space: pre-line; }
      slotwise-booking { --slotwise-accent: var(--accent); display: block; }
    </style>
    <link rel="modulepreload" href="${preloadFor(script)}" />
    <script src="${script}" defer></script>
  </head>
  <body>
    <header>
      ${photo ? html`<img src="${photo}" alt="" width="72" height="72" />` : ''}
      <h1 dir="auto">${profile.name}</h1>
    </header>
    ${bio.map((p) => html`<p dir="auto">${p}</p>`)}
    <main>
      ${profile.acceptingBookings ? html`<h2 id="sessions">${w.sessions}</h2>
      ${profile.services.length === 0
        ? html`<p>${w.noSessions(profile.name)}</p>`
        : html`<ul class="services">
            ${profile.services.map((s) => html`<li><h3 dir="auto">${s.name}</h3>${s.description ? html`<p dir="auto">${s.description}</p>` : ''}${s.capacity > 1 ? html`<p class="muted">${w.group(s.capacity)}</p>` : ''}<p class="muted">${offers(s, language)}</p></li>`)}
          </ul>`}
      ${reviewSection(profile, latest, language)}
      <h2 id="book">${w.bookTime}</h2>
      <p class="muted">${w.zoneNote}</p>
      <slotwise-booking specialist="${profile.handle}" api="${api}" reviews="off"></slotwise-booking>
      <noscript><p>${w.noScript}</p></noscript>`
      : // No sessions offered, but the widget stays: it says so itself, and the links in customers' emails
        // (a booking to see or cancel, "My bookings") open here. Without script, the sentence alone.
        html`<slotwise-booking specialist="${profile.handle}" api="${api}" reviews="off"></slotwise-booking>
      <noscript><p>${w.notAccepting(profile.name)}</p></noscript>`}
    </main>
  </body>
</html>`;
}

/** The rating and the newest reviews, as text; nothing while there are none. */
function reviewSection(profile: HostedProfile, latest: readonly Review[], language: PageLanguage) {
  const w = language.words.booking;
  const { average, count } = profile.rating;
  if (average === null || count === 0) return '';
  const one = new Intl.NumberFormat(language.lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return html`<h2 id="reviews">${w.reviews}</h2>
      <p><span aria-hidden="true">★ </span>${w.rating(one.format(average), count)}</p>
      <ul class="reviews">
        ${latest.map((r) => html`<li><p><span role="img" aria-label="${w.stars(r.rating)}">${'★'.repeat(r.rating)}${'☆'.repeat(5 - r.rating)}</span> <bdi>${r.reviewer}</bdi> · <span dir="auto">${r.service}</span></p>${r.text ? html`<p dir="auto">${r.text}</p>` : ''}${r.response ? html`<p class="muted">${w.response(profile.name)} <span dir="auto">${r.response.text}</span></p>` : ''}</li>`)}
      </ul>`;
}

/** The 404 page for an address that names no specialist: HTML, since a person typed or followed it. */
export function noSuchPage(handle: string, { lang, dir, words }: PageLanguage): HtmlEscapedString | Promise<HtmlEscapedString> {
  const w = words.booking;
  return html`<!doctype html>
<html lang="${lang}" dir="${dir}">
  <head>
    ${pageHead}
    <meta name="robots" content="noindex" />
    <title>${w.missingTitle}</title>
  </head>
  <body>
    <h1>${w.missingHeading}</h1>
    <p>${w.missing(handle)}</p>
  </body>
</html>`;
}
