import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Notification } from '@slotwise/sdk/contract';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { UNREAD_EVENT } from '../../routes.js';
import { describeError } from '../../../internal/errors.js';
import { formatInstantDate, formatTime } from '../../../internal/format.js';
import { tokens } from '../../../styles/tokens.js';
import { screenStyles } from '../../ui/screen.styles.js';

/**
 * @summary What happened to your bookings while you were away, newest first: new bookings, moves,
 * cancellations and refunds by others, package sales, new reviews, and trouble on your behalf (a
 * meeting that could not be made, a webhook endpoint failing). Unread ones say so; "Mark all as
 * read" clears them, and opening what a notice is about (its booking, the package sales, the
 * reviews) marks that one read. Older ones page in through the server's cursor.
 */
export class SlotwiseConsoleNotifications extends LitElement {
  static override styles = [
    tokens,
    screenStyles,
    css`
      ol.notices { list-style: none; padding: 0; display: grid; gap: 0.75rem; }
      ol.notices > li { border: 1px solid var(--sw-border, #d0d4dc); border-radius: 0.5rem; padding: 0.75rem 1rem; }
      ol.notices > li.unread { border-inline-start: 4px solid var(--sw-accent, #3451b2); }
      .title { margin: 0; font-weight: 600; }
      .body { margin: 0.25rem 0; overflow-wrap: anywhere; }
      .new { font-size: 0.8em; font-weight: 700; color: var(--sw-accent, #3451b2); margin-inline-end: 0.5rem; }
    `,
  ];

  @property() route = '';

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;

  @state() notices: Notification[] | undefined;
  @state() unread = 0;
  @state() hasMore = false;
  @state() error = '';
  @state() busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** The first page, or the page after the last notice shown (`more`). */
  async load(more = false): Promise<void> {
    const me = this.session?.client.me;
    if (!me) return;
    try {
      const last = more ? this.notices?.at(-1)?.id : undefined;
      const page = await me.notifications.list({ limit: 20, ...(last ? { starting_after: last } : {}) });
      this.notices = last ? [...(this.notices ?? []), ...page.data] : page.data;
      this.hasMore = page.hasMore;
      this.unread = page.unread;
      this.error = '';
    } catch (error) {
      this.error = `We could not load your notifications. ${describeError(error).message}`;
    }
  }

  async markAllRead(): Promise<void> {
    const me = this.session?.client.me;
    if (!me || this.busy) return;
    this.busy = true;
    try {
      const result = await me.notifications.markRead({ all: true });
      const at = new Date().toISOString();
      this.notices = this.notices?.map((n) => (n.read ? n : { ...n, read: true, readAt: at }));
      this.unread = result.unread;
      this.dispatchEvent(new CustomEvent(UNREAD_EVENT, { detail: result.unread, bubbles: true, composed: true }));
      this.error = '';
      this.session?.announce(result.marked === 1 ? 'One notification marked read.' : `${result.marked} notifications marked read.`);
    } catch (error) {
      this.error = `Nothing was marked read. ${describeError(error).message}`;
    } finally {
      this.busy = false;
    }
  }

  /** Opens what the notice is about (its booking, the package sales), marking it read first (a failure there does not keep it closed). */
  async open(event: Event, notice: Notification, route: string): Promise<void> {
    event.preventDefault();
    if (!notice.read) await this.session?.client.me.notifications.markRead({ ids: [notice.id] }).catch(() => undefined);
    this.session?.navigate(route);
  }

  override render() {
    if (!this.session) return nothing;
    const zone = this.session.profile?.timeZone ?? 'UTC';
    const notices = this.notices;
    return html`<h2 class="visually-hidden">Notifications</h2>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${notices === undefined
        ? html`<p>Loading your notifications…</p>`
        : notices.length === 0
          ? html`<p>Nothing yet. New bookings, and moves, cancellations and refunds made by others, package sales and new reviews appear here.</p>`
          : html`<p class="summary">${this.unread === 0 ? 'All read.' : this.unread === 1 ? '1 unread.' : `${this.unread} unread.`}
                ${this.unread > 0 ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.markAllRead()}>Mark all as read</button>` : nothing}</p>
              <ol class="notices">
                ${notices.map(
                  (n) => html`<li class=${n.read ? 'read' : 'unread'} id=${`notice-${n.id}`}>
                    <p class="title">${n.read ? nothing : html`<span class="new">Unread</span> `}${n.title}</p>
                    <p class="body">${n.body}</p>
                    <p class="muted"><time datetime=${n.createdAt}>${formatInstantDate(n.createdAt, zone)}, ${formatTime(n.createdAt, zone)}</time>
                      ${n.kind === 'review.created'
                        ? html` · <a href="#/reviews" @click=${(e: Event) => this.open(e, n, 'reviews')}>Read the review</a>`
                        : n.bookingId
                        ? html` · <a href="#/bookings/${n.bookingId}" @click=${(e: Event) => this.open(e, n, `bookings/${n.bookingId}`)}>Open the booking</a>`
                        : n.kind === 'package.purchased'
                          ? html` · <a href="#/packages" @click=${(e: Event) => this.open(e, n, 'packages')}>See your package sales</a>`
                          : nothing}</p>
                  </li>`,
                )}
              </ol>`}
      ${this.hasMore ? html`<button type="button" @click=${() => this.load(true)}>Show older notifications</button>` : nothing}`;
  }
}
