import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Booking, BookingStatus, MyService } from '@slotwise/sdk/contract';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { describeError } from '../../../internal/errors.js';
import { addDays, todayIn } from '../../../internal/dates.js';
import { tokens } from '../../../styles/tokens.js';
import { screenStyles } from '../../ui/screen.styles.js';
import { agendaViews, mondayOf, narrow, rangeOf, statusLabels, type AgendaView } from './agenda.js';
import { renderAgenda, renderWeek } from './bookings.template.js';
import { styles } from './bookings.styles.js';
import './booking-detail.js';

const PAGE = 50;

/**
 * @summary The specialist's bookings: Today, Upcoming, Past and a Week of seven columns, in the
 * specialist's zone, filtered by status (on the server) and by service and customer (on the page
 * loaded, which the screen says). `route="bk_…"` shows that booking instead.
 */
export class SlotwiseConsoleBookings extends LitElement {
  static override styles = [tokens, screenStyles, styles];

  /** The hash route after `bookings/`: a booking id opens its detail. */
  @property() route = '';

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;

  @state() view: AgendaView = 'today';
  @state() status: BookingStatus | '' = '';
  @state() serviceId = '';
  @state() search = '';
  @state() weekStart = '';
  @state() bookings: Booking[] = [];
  @state() hasMore = false;
  @state() loading = false;
  @state() error = '';
  @state() services: MyService[] = [];
  /** Only the latest request may fill the list. */
  private generation = 0;

  get timeZone(): string {
    return this.session?.profile?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  get today(): string {
    return todayIn(this.timeZone, new Date());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.weekStart = mondayOf(this.today);
    void this.load();
    void this.session?.client.me.services.list().then(({ data }) => (this.services = data), () => undefined);
  }

  /** Back from a booking's detail (where it may have changed), the list is read again. */
  override updated(changed: Map<string, unknown>): void {
    const before = changed.get('route') as string | undefined;
    if (before?.startsWith('bk_') && !this.route.startsWith('bk_')) void this.load();
  }

  /** Reads the first page for the view and filters, or (`more`) the page after the loaded ones. */
  async load(more = false): Promise<void> {
    const client = this.session?.client;
    if (!client) return;
    const generation = ++this.generation;
    this.loading = true;
    this.error = '';
    const range = rangeOf(this.view, this.today, this.weekStart);
    const last = more ? this.bookings.at(-1)?.id : undefined;
    try {
      const page = await client.me.bookings.list({
        ...range,
        ...(this.status ? { status: [this.status] } : {}),
        limit: this.view === 'week' ? 100 : PAGE,
        ...(last ? { starting_after: last } : {}),
      });
      if (generation !== this.generation) return;
      this.bookings = more ? [...this.bookings, ...page.data] : page.data;
      this.hasMore = page.hasMore;
    } catch (error) {
      if (generation === this.generation) this.error = `We could not load the bookings. ${describeError(error).message}`;
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  /** Switches to `view` and reads it (the tabs, and the empty Today's way on). */
  showView(view: AgendaView) {
    this.view = view;
    void this.load();
  }

  private moveWeek(weeks: number) {
    this.weekStart = addDays(this.weekStart, 7 * weeks);
    void this.load();
  }

  open(id: string) {
    this.session?.navigate(`bookings/${id}`);
  }

  override render() {
    if (!this.session) return nothing;
    if (this.route.startsWith('bk_')) {
      return html`<slotwise-console-booking-detail booking-id=${this.route}></slotwise-console-booking-detail>`;
    }
    const shown = narrow(this.bookings, this.serviceId, this.search);
    // The page title above already says "Bookings": the heading stays for the outline only.
    return html`<h2 class="visually-hidden">Bookings</h2>
      <div class="views" role="group" aria-label="View">
        ${agendaViews.map(({ view, label }) => html`<button type="button" aria-pressed=${this.view === view ? 'true' : 'false'} @click=${() => this.showView(view)}>${label}</button>`)}
      </div>
      <div class="filters">
        <label>Status
          <select @change=${(e: Event) => ((this.status = (e.target as HTMLSelectElement).value as BookingStatus | ''), void this.load())}>
            <option value="">Any status</option>
            ${Object.entries(statusLabels).map(([value, label]) => html`<option value=${value} ?selected=${this.status === value}>${label}</option>`)}
          </select>
        </label>
        <label>Service
          <select @change=${(e: Event) => (this.serviceId = (e.target as HTMLSelectElement).value)}>
            <option value="">Every service</option>
            ${this.services.map((s) => html`<option value=${s.id} ?selected=${this.serviceId === s.id}>${s.name}</option>`)}
          </select>
        </label>
        <label>Customer
          <input type="search" .value=${this.search} aria-describedby="narrow-note" @input=${(e: Event) => (this.search = (e.target as HTMLInputElement).value)} />
        </label>
        <p class="note" id="narrow-note">Service and customer narrow the bookings loaded below; “Load more” brings the rest.</p>
      </div>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${this.view === 'week' ? renderWeek(this, shown) : renderAgenda(this, shown)}
      ${this.hasMore
        ? html`<button type="button" ?disabled=${this.loading} @click=${() => this.load(true)}>${this.loading ? 'Loading…' : 'Load more'}</button>`
        : nothing}
      <p class="visually-hidden" role="status">${this.loading ? 'Loading bookings…' : ''}</p>
      ${this.view === 'week' ? html`<div class="actions week-nav">
        <button type="button" @click=${() => this.moveWeek(-1)}>Previous week</button>
        <button type="button" @click=${() => this.moveWeek(1)}>Next week</button>
      </div>` : nothing}`;
  }
}
