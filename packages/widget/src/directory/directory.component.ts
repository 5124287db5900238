import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createClient, type SlotwiseClient } from '@slotwise/sdk';
import type { DirectoryEntry, DirectoryPage, DirectoryQuery, DirectorySort } from '@slotwise/sdk/contract';
import { en, layoutDirection, loadMessages, messagesFor, LANGUAGES, type Messages } from '../i18n/index.js';
import { addEnglish } from '../i18n/en.js';
import { directory } from '../i18n/en/directory.js';
import { formatInstantDate, formatPrice, formatTime, pageLocale } from '../internal/format.js';
import { LoaderController } from '../loader-controller.js';
import { tokens } from '../styles/tokens.js';
import { styles } from './directory.styles.js';

// This part's English travels with it (`i18n/en.ts`).
addEnglish(directory);

/** The windows a visitor may ask for, in days (the API takes 1–30). */
const WITHIN = [1, 3, 7, 14, 30] as const;
const SORTS: readonly DirectorySort[] = ['relevance', 'rating', 'price', 'next_open'];

interface Search {
  client: SlotwiseClient;
  query: DirectoryQuery;
}

/** One directory page at a time; a newer search aborts the one in flight. */
class DirectoryLoader extends LoaderController<DirectoryPage, Search> {
  load(search: Search) {
    return this.run(search);
  }

  protected fetch({ client, query }: Search, signal: AbortSignal): Promise<DirectoryPage> {
    return client.directory.search(query, { signal });
  }
}

/**
 * @summary A searchable directory of specialists (`GET /v1/specialists`): a search box and
 * filters, then cards with each one's next open time, rating and lowest price, linking to their
 * hosted booking page — or opening the booking popup when the page loaded `slotwise.js` (the card's
 * link carries `data-slotwise-open`). Its own bundle (`dist/directory/directory.js`), never part
 * of the booking widget's first load.
 *
 * @attr api - The Slotwise API's base URL; by default where the bundle was loaded from (the API serves it).
 * @attr category - Only this category (a slug such as `career-coaching`); a card's category chip sets it too.
 * @attr lang - The visitor's language; the page's by default.
 * @attr timezone - The zone open times are shown in; the visitor's by default.
 * @csspart form - The search form. @csspart results - The list of cards. @csspart card - One specialist.
 */
export class SlotwiseDirectory extends LitElement {
  static override styles = [tokens, styles];

  /** The API a `<slotwise-directory>` without `api` asks: the bundle's own origin (set by `directory.ts`). */
  static defaultApi: string | undefined;

  @property() api = '';
  @property() category = '';
  @property() timezone = '';
  @property({ type: Number }) limit = 12;

  @state() private q = '';
  @state() private language = '';
  @state() private within = '';
  @state() private sort: DirectorySort = 'relevance';
  @state() private entries: DirectoryEntry[] = [];
  @state() private nextCursor: string | null = null;
  @state() private messages: Messages = en;

  private readonly loader = new DirectoryLoader(this);
  private client?: SlotwiseClient;
  /** Where focus goes after "Show more": the first new card's heading link. */
  private focusIndex = -1;

  private get locale() {
    return pageLocale(this.lang || this.closest('[lang]')?.getAttribute('lang'));
  }

  private get zone() {
    return this.timezone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.messages = messagesFor(this.locale);
    void loadMessages(this.locale).then((messages) => (this.messages = messages));
  }

  /** The API asked: `api`, else where the bundle came from, else this page's origin. */
  private get base(): string {
    return (this.api || SlotwiseDirectory.defaultApi || location.origin).replace(/\/+$/, '');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.client || changed.has('api')) this.client = createClient({ baseURL: this.base });
    if (!this.hasUpdated || changed.has('api') || changed.has('category')) void this.search();
  }

  protected override updated(): void {
    if (this.focusIndex < 0) return;
    const link = this.renderRoot.querySelectorAll<HTMLElement>('h3 a')[this.focusIndex];
    if (link) {
      this.focusIndex = -1;
      link.focus();
    }
  }

  private query(cursor?: string): DirectoryQuery {
    return {
      ...(this.q.trim() ? { q: this.q.trim().slice(0, 100) } : {}),
      ...(this.category ? { category: this.category } : {}),
      ...(this.language ? { language: this.language } : {}),
      ...(this.within ? { available_within_days: Number(this.within) } : {}),
      sort: this.sort,
      limit: this.limit,
      ...(cursor ? { cursor } : {}),
    };
  }

  /** A new search (`more`: the next page of the same one, appended). */
  private async search(more = false): Promise<void> {
    if (!this.client) return;
    const page = await this.loader.load({ client: this.client, query: this.query(more ? (this.nextCursor ?? undefined) : undefined) });
    if (!page) return;
    if (more && page.data.length > 0) this.focusIndex = this.entries.length;
    this.entries = more ? [...this.entries, ...page.data] : page.data;
    this.nextCursor = page.nextCursor;
  }

  private submit(event: Event) {
    event.preventDefault();
    void this.search();
  }

  private filter(name: 'language' | 'within' | 'sort', event: Event) {
    const value = (event.target as HTMLSelectElement).value;
    if (name === 'sort') this.sort = value as DirectorySort;
    else this[name] = value;
    void this.search();
  }

  override render() {
    const m = this.messages;
    const languages = new Intl.DisplayNames(this.locale ? [this.locale] : undefined, { type: 'language' });
    const sortLabels: Record<DirectorySort, string> = {
      relevance: m.directorySortRelevance,
      rating: m.directorySortRating,
      price: m.directorySortPrice,
      next_open: m.directorySortNextOpen,
    };
    const { status } = this.loader;
    return html`<div dir=${layoutDirection(this.locale, m)}>
      <form part="form" role="search" @submit=${this.submit}>
        <label>${m.directorySearchLabel}
          <input type="search" name="q" maxlength="100" .value=${this.q} @input=${(e: Event) => (this.q = (e.target as HTMLInputElement).value)} />
        </label>
        <button class="primary" type="submit">${m.directorySearchButton}</button>
        <label>${m.directoryLanguageLabel}
          <select name="language" @change=${(e: Event) => this.filter('language', e)}>
            <option value="" ?selected=${!this.language}>${m.directoryAnyLanguage}</option>
            ${LANGUAGES.map((code) => html`<option value=${code} ?selected=${this.language === code}>${languages.of(code) ?? code}</option>`)}
          </select>
        </label>
        <label>${m.directoryWithinLabel}
          <select name="within" @change=${(e: Event) => this.filter('within', e)}>
            <option value="" ?selected=${!this.within}>${m.directoryAnyTime}</option>
            ${WITHIN.map((days) => html`<option value=${days} ?selected=${this.within === String(days)}>${m.directoryWithinDays(days)}</option>`)}
          </select>
        </label>
        <label>${m.directorySortLabel}
          <select name="sort" @change=${(e: Event) => this.filter('sort', e)}>
            ${SORTS.map((sort) => html`<option value=${sort} ?selected=${this.sort === sort}>${sortLabels[sort]}</option>`)}
          </select>
        </label>
      </form>
      ${this.category
        ? html`<p>${m.directoryCategoryFilter(this.category)} <button type="button" @click=${() => (this.category = '')}>${m.directoryClearCategory}</button></p>`
        : nothing}
      <p class="status" role="status">
        ${status === 'loading' ? m.directoryLoading : status === 'error' ? m.directoryFailed : m.directoryResults(this.entries.length, this.nextCursor !== null)}
      </p>
      ${this.entries.length === 0 && status === 'ready' ? html`<p>${m.directoryNoResults}</p>` : nothing}
      <ul part="results">
        ${this.entries.map((entry) => this.card(entry))}
      </ul>
      ${this.nextCursor
        ? html`<button class="more" type="button" ?disabled=${status === 'loading'} @click=${() => void this.search(true)}>${m.directoryMore}</button>`
        : nothing}
    </div>`;
  }

  private card(entry: DirectoryEntry) {
    const m = this.messages;
    const page = `${this.base}/${encodeURIComponent(entry.handle)}`;
    const rating = entry.rating.average === null ? m.directoryNoRating : m.directoryRating(new Intl.NumberFormat(this.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(entry.rating.average), entry.rating.count);
    const open = entry.nextOpen
      ? m.directoryNextOpen(`${formatInstantDate(entry.nextOpen.start, this.zone, this.locale, { weekday: 'short', day: 'numeric', month: 'short' })}, ${formatTime(entry.nextOpen.start, this.zone, this.locale)}`)
      : m.directoryNoOpenTime;
    return html`<li part="card">
      ${entry.photoUrl ? html`<img src=${entry.photoUrl} alt="" loading="lazy" />` : html`<span></span>`}
      <div>
        <h3><a href=${page}>${entry.name}</a></h3>
        ${entry.headline ? html`<p>${entry.headline}</p>` : nothing}
        <p>${rating}</p>
        <p>${m.directoryPriceFrom(formatPrice(entry.priceFrom.amount, entry.priceFrom.currency, this.locale, m.free))}</p>
        <p>${open}</p>
        ${entry.categories.length
          ? html`<div class="chips">${entry.categories.map((category) => html`<button type="button" aria-pressed=${this.category === category ? 'true' : 'false'} @click=${() => (this.category = category)}>${category}</button>`)}</div>`
          : nothing}
        <div class="actions">
          <a class="book" href=${page} data-slotwise-open=${entry.handle} data-slotwise-api=${this.base}>${m.directoryBook(entry.name)}</a>
        </div>
      </div>
    </li>`;
  }
}
