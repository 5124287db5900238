import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { VisitorClient } from '@slotwise/sdk';
import type { Rating, ReviewList } from '@slotwise/sdk/contract';
import { en, type Messages } from '../../i18n/index.js';
import { addEnglish } from '../../i18n/en.js';
import { reviews } from '../../i18n/en/reviews.js';
import { LoaderController } from '../../loader-controller.js';
import { tokens } from '../../styles/tokens.js';
import { renderReview } from './review.template.js';
import { styles } from './reviews.styles.js';

// This part's English travels with it (`i18n/en.ts`).
addEnglish(reviews);

/** How many of the newest reviews the widget shows. */
export const LATEST = 3;

interface ReviewsRequest {
  client: VisitorClient;
  handle: string;
}

class LatestReviews extends LoaderController<ReviewList, ReviewsRequest> {
  load(request: ReviewsRequest) {
    return this.run(request);
  }

  protected fetch({ client, handle }: ReviewsRequest, signal: AbortSignal): Promise<ReviewList> {
    return client.reviews.list(handle, { limit: LATEST }, { signal });
  }
}

/**
 * @summary A specialist's rating and newest reviews, as text. `<slotwise-booking>` shows it under
 * the booking flow when the profile has reviews, unless its `reviews` attribute is `off`. Loaded
 * as a lazy part: the first paint does not wait for it, nor download it when there are none.
 *
 * @csspart reviews - The section. @csspart rating - The average and count.
 * @csspart review - One review; `stars` its rating, `review-response` the specialist's answer.
 */
export class SlotwiseReviews extends LitElement {
  static override styles = [tokens, styles];

  @property({ attribute: false }) client?: VisitorClient;
  @property({ attribute: false }) handle = '';
  /** The specialist's name, for "Response from …". */
  @property({ attribute: false }) specialistName = '';
  /** The profile's rating: shown at once, while the reviews load. */
  @property({ attribute: false }) rating: Rating = { average: null, count: 0 };
  @property({ attribute: false }) locale: string | undefined;
  @property({ attribute: false }) messages: Messages = en;

  private readonly latest = new LatestReviews(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('client') || changed.has('handle')) && this.client && this.handle) void this.latest.load({ client: this.client, handle: this.handle });
  }

  override render() {
    const { average, count } = this.rating;
    if (average === null || count === 0) return nothing;
    const t = this.messages;
    const one = new Intl.NumberFormat(this.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return html`<section part="reviews" aria-labelledby="reviews-title">
      <h3 id="reviews-title">${t.reviewsTitle}</h3>
      <p part="rating"><span aria-hidden="true" class="stars">★ </span>${t.ratingSummary(one.format(average), count)}</p>
      ${this.latest.value?.data.length
        ? html`<ul>${this.latest.value.data.map((review) => renderReview(review, this.specialistName, t))}</ul>`
        : nothing}
    </section>`;
  }
}
