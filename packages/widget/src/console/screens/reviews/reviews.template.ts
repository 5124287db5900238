import { html, nothing } from 'lit';
import type { ReviewDetail } from '@slotwise/sdk/contract';
import { formatInstantDate } from '../../../internal/format.js';
import type { SlotwiseConsoleReviews } from './reviews.component.js';

/** The day an instant falls on in the specialist's zone, as the rest of the console writes dates. */
const dayIn = (zone: string | undefined) => (iso: string) => formatInstantDate(iso, zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone, undefined, { dateStyle: 'medium' });

/** One review: everything the customer wrote is bound as text, never as markup. */
export function renderReview(host: SlotwiseConsoleReviews, review: ReviewDetail) {
  const refusal = host.refusals[review.id];
  const day = dayIn(host.session?.profile?.timeZone);
  return html`<li id=${`review-${review.id}`}>
    <p><strong>${review.rating} of 5</strong> · ${review.reviewer} · ${review.service} · ${day(review.createdAt)}</p>
    ${review.text ? html`<p class="text">${review.text}</p>` : html`<p class="note">A rating without words.</p>`}
    ${review.hidden ? html`<p class="note">Hidden by the operator on ${day(review.hidden.at)}: ${review.hidden.reason}. It is not shown to the public nor counted in your rating.</p>` : nothing}
    ${review.response
      ? html`<div class="response" tabindex="-1"><p><strong>Your answer</strong> (${day(review.response.createdAt)})</p><p>${review.response.text}</p></div>`
      : html`<form @submit=${(event: Event) => host.respond(event, review)}>
          <label for=${`answer-${review.id}`}>Your public answer (once; shown under the review)</label>
          <textarea
            id=${`answer-${review.id}`}
            maxlength="2000"
            required
            aria-invalid=${refusal ? 'true' : 'false'}
            aria-describedby=${refusal ? `answer-hint-${review.id} answer-error-${review.id}` : `answer-hint-${review.id}`}
            .value=${host.drafts[review.id] ?? ''}
            @input=${(event: Event) => (host.drafts = { ...host.drafts, [review.id]: (event.target as HTMLTextAreaElement).value })}
          ></textarea>
          <p class="note" id=${`answer-hint-${review.id}`}>The customer is emailed your answer, unless they turned off emails about reviews.</p>
          ${refusal ? html`<p class="form-error" id=${`answer-error-${review.id}`}>${refusal}</p>` : nothing}
          <button type="submit" class="primary" ?disabled=${host.sending === review.id}>Publish answer to ${review.reviewer}</button>
        </form>`}
  </li>`;
}
