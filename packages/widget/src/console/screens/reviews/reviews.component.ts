import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { ReviewDetail } from '@slotwise/sdk/contract';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { describeError } from '../../../internal/errors.js';
import { tokens } from '../../../styles/tokens.js';
import { screenStyles } from '../../ui/screen.styles.js';
import { renderReview } from './reviews.template.js';

/**
 * @summary Your verified reviews, newest first, hidden ones included (with the operator's reason):
 * the rating, what the customer wrote (as text), the service and when; a public answer written
 * once per review, and "Load older reviews" through the server's cursor.
 */
export class SlotwiseConsoleReviews extends LitElement {
  static override styles = [
    tokens,
    screenStyles,
    css`
      ol.reviews { list-style: none; padding: 0; display: grid; gap: 1rem; }
      ol.reviews > li { border: 1px solid var(--sw-border, #d0d4dc); border-radius: 0.5rem; padding: 0.75rem 1rem; }
      .text, .response p { white-space: pre-wrap; overflow-wrap: anywhere; }
      .response { border-inline-start: 3px solid var(--sw-accent, #3451b2); padding-inline-start: 0.75rem; }
      textarea { inline-size: 100%; min-block-size: 5rem; }
    `,
  ];

  @property() route = '';

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;

  @state() reviews: ReviewDetail[] | undefined;
  @state() next: string | null = null;
  @state() error = '';
  /** Drafts of answers by review id, kept while the server refuses one. */
  @state() drafts: Record<string, string> = {};
  /** The review whose answer is being sent: its button is disabled until the server answered. */
  @state() sending: string | undefined;
  /** The server's refusal of an answer, by review id, shown beside its field. */
  @state() refusals: Record<string, string> = {};

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(cursor?: string): Promise<void> {
    const me = this.session?.client.me;
    if (!me) return;
    try {
      const page = await me.reviews.list({ limit: 20, ...(cursor ? { cursor } : {}) });
      this.reviews = cursor ? [...(this.reviews ?? []), ...page.data] : page.data;
      this.next = page.nextCursor;
      this.error = '';
    } catch (error) {
      this.error = `We could not load your reviews. ${describeError(error).message}`;
    }
  }

  /** Publishes the answer to `review`; a refusal is said beside the field and the draft is kept. */
  async respond(event: Event, review: ReviewDetail): Promise<void> {
    event.preventDefault();
    const me = this.session?.client.me;
    if (!me || this.sending) return;
    this.sending = review.id;
    this.refusals = { ...this.refusals, [review.id]: '' };
    try {
      const answered = await me.reviews.respond(review.id, { text: this.drafts[review.id] ?? '' });
      this.reviews = this.reviews?.map((r) => (r.id === review.id ? answered : r));
      this.session?.announce(`Your answer to ${review.reviewer} is published.`);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#review-${review.id} .response`)?.focus();
    } catch (error) {
      this.refusals = { ...this.refusals, [review.id]: describeError(error).message };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#answer-${review.id}`)?.focus();
    } finally {
      this.sending = undefined;
    }
  }

  override render() {
    if (!this.session) return nothing;
    const reviews = this.reviews;
    return html`<h2 class="visually-hidden">Reviews</h2>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${reviews === undefined
        ? html`<p>Loading your reviews…</p>`
        : reviews.length === 0
          ? html`<p>No reviews yet. Customers can review a session once it is marked completed; the follow-up email asks them to.</p>`
          : html`<ol class="reviews">${reviews.map((review) => renderReview(this, review))}</ol>`}
      ${this.next ? html`<button type="button" @click=${() => this.load(this.next!)}>Load older reviews</button>` : nothing}`;
  }
}
