import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isSlotwiseError, type VisitorClient } from '@slotwise/sdk';
import type { Review } from '@slotwise/sdk/contract';
import { emit, type ErrorDetail } from '../../events.js';
import { en, type Messages } from '../../i18n/index.js';
import { addEnglish } from '../../i18n/en.js';
import { reviews } from '../../i18n/en/reviews.js';
import { describeError, errorText } from '../../internal/errors.js';
import { LoaderController } from '../../loader-controller.js';
import { tokens } from '../../styles/tokens.js';
import { renderReview } from './review.template.js';
import { styles } from './reviews.styles.js';

addEnglish(reviews);

/** The most characters a review's text may have (the API's limit). */
const MAX_TEXT = 2000;

interface OwnReviewRequest {
  client: VisitorClient;
  id: string;
  manageToken: string;
  /** What the booking said (`Booking.reviewed`): false, none to ask for. */
  reviewed?: boolean;
}

/** The review the booking's customer wrote, or null while there is none (`review_not_found`). */
class OwnReview extends LoaderController<Review | null, OwnReviewRequest> {
  load(request: OwnReviewRequest) {
    return this.run(request);
  }

  protected async fetch({ client, id, manageToken, reviewed }: OwnReviewRequest, signal: AbortSignal): Promise<Review | null> {
    // The booking says there is none: no request (whose 404 a browser would log as an error).
    if (reviewed === false) return null;
    try {
      return await client.reviews.retrieve(id, { manageToken, signal });
    } catch (error) {
      if (isSlotwiseError(error) && error.code === 'review_not_found') return null;
      throw error;
    }
  }
}

/**
 * @summary The review form of a completed booking, in its manage view: a rating (radio buttons,
 * 1–5), an optional text, Send; once sent (or when one was sent before), the review as text.
 * The server decides who may review (the customer of a completed session, once): its refusal is
 * shown as it words it.
 *
 * @event slotwise:error - `detail: { code, status, message, problem }`, for every failed request.
 * @csspart review-form - The section. @csspart review - The review once sent.
 */
export class SlotwiseReviewForm extends LitElement {
  static override styles = [tokens, styles];

  @property({ attribute: false }) client?: VisitorClient;
  @property({ attribute: false }) bookingId = '';
  @property({ attribute: false }) manageToken = '';
  @property({ attribute: false }) specialistName = '';
  @property({ attribute: false }) messages: Messages = en;
  /** The booking's `reviewed` (its manage view): false skips asking for a review that is not there. */
  @property({ attribute: false }) reviewed?: boolean;

  @state() private sending = false;
  @state() private failure: ErrorDetail | undefined;
  @state() private missingRating = false;
  @state() private justSent = false;
  private readonly own = new OwnReview(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!(['client', 'bookingId', 'manageToken'] as const).some((key) => changed.has(key))) return;
    if (this.client && this.bookingId && this.manageToken) void this.own.load({ client: this.client, id: this.bookingId, manageToken: this.manageToken, reviewed: this.reviewed });
  }

  override render() {
    const t = this.messages;
    if (this.own.status !== 'ready' && this.own.status !== 'error') return nothing;
    const review = this.own.value;
    if (review) {
      return html`<section part="review-form" aria-labelledby="review-title">
        <h3 id="review-title" tabindex="-1">${t.yourReview}</h3>
        ${this.justSent ? html`<p role="status">${t.reviewThanks}</p>` : nothing}
        <ul>${renderReview(review, this.specialistName, t)}</ul>
      </section>`;
    }
    return html`<section part="review-form" aria-labelledby="review-title">
      <h3 id="review-title">${t.reviewFormTitle}</h3>
      <form @submit=${this.submit} novalidate>
        <fieldset aria-describedby=${this.missingRating ? 'rating-error' : nothing}>
          <legend>${t.ratingLegend}</legend>
          ${[1, 2, 3, 4, 5].map((n) => html`<label><input type="radio" name="rating" value=${n} required />${t.ratingOption(n)}</label>`)}
        </fieldset>
        ${this.missingRating ? html`<p id="rating-error" role="alert">${t.chooseRating}</p>` : nothing}
        <div class="field">
          <label for="review-text">${t.reviewTextLabel}</label>
          <textarea id="review-text" name="text" maxlength=${MAX_TEXT} aria-describedby="review-hint"></textarea>
          <span id="review-hint" class="muted">${t.reviewTextHint}</span>
        </div>
        ${this.failure ? html`<p role="alert">${errorText(this.failure, t)}</p>` : nothing}
        <button type="submit" ?disabled=${this.sending}>${this.sending ? t.sendingReview : t.sendReview}</button>
      </form>
    </section>`;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const rating = Number(data.get('rating'));
    this.missingRating = !rating;
    if (!rating || !this.client || this.sending) return;
    this.sending = true;
    this.failure = undefined;
    try {
      const review = await this.client.reviews.create(
        this.bookingId,
        { rating, text: String(data.get('text') ?? '') },
        { manageToken: this.manageToken },
      );
      this.justSent = true;
      this.own.prime({ client: this.client, id: this.bookingId, manageToken: this.manageToken }, review);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#review-title')?.focus();
    } catch (error) {
      this.failure = describeError(error);
      emit(this, 'slotwise:error', this.failure);
      // Sent already (another tab, the email's link): show the one the server has.
      if (this.failure.code === 'already_reviewed') void this.own.reload();
    } finally {
      this.sending = false;
    }
  }
}
