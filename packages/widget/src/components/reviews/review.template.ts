import { html, nothing } from 'lit';
import type { Review } from '@slotwise/sdk/contract';
import type { Messages } from '../../i18n/index.js';

/** Five stars, `rating` of them filled, read out as "4 out of 5". */
export function stars(rating: number, t: Messages) {
  return html`<span part="stars" class="stars" role="img" aria-label=${t.starsLabel(rating)}>${'★'.repeat(rating)}${'☆'.repeat(5 - rating)}</span>`;
}

/**
 * One review: stars, who and what, the text and the specialist's response. Every value is bound as
 * text (Lit escapes it), never as HTML: a review's `<script>` shows as the characters typed.
 */
export function renderReview(review: Review, specialistName: string, t: Messages) {
  return html`<li part="review" class="review">
    <p class="byline">${stars(review.rating, t)} <bdi part="reviewer">${review.reviewer}</bdi> · <span dir="auto">${review.service}</span></p>
    ${review.text ? html`<p class="text" dir="auto">${review.text}</p>` : nothing}
    ${review.response ? html`<p part="review-response" class="response muted">${t.responseFrom(specialistName)} <span dir="auto">${review.response.text}</span></p>` : nothing}
  </li>`;
}
