import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { OperatorSpecialist, ReviewDetail } from '@slotwise/sdk/contract';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { describeError } from '../../../internal/errors.js';
import { tokens } from '../../../styles/tokens.js';
import { ConfirmController } from '../../ui/confirm-dialog.js';
import { describedBy, invalid, renderFieldError, renderFormError } from '../../ui/field-error.js';
import { focusFirstInvalid, formErrors, noErrors, type FormErrors } from '../../ui/form-errors.js';
import { screenStyles } from '../../ui/screen.styles.js';

const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/**
 * @summary One specialist's reviews for the operator, newest first, hidden ones included with
 * when and why; a review hidden with a reason (kept for audit, never shown publicly) after a
 * confirmation that says what it does. The customer's words are bound as text, never as markup.
 */
export class SlotwiseConsoleOperatorReviews extends LitElement {
  static override styles = [tokens, screenStyles];

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;

  @property({ attribute: false }) specialist?: OperatorSpecialist;

  @state() reviews: ReviewDetail[] | undefined;
  @state() nextCursor: string | null = null;
  @state() error = '';
  /** The review whose hiding is being written, and the reason so far. */
  @state() hiding: ReviewDetail | undefined;
  @state() reason = '';
  @state() errors: FormErrors = noErrors;
  readonly confirm = new ConfirmController(this);

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('specialist')) void this.load();
  }

  async load(more = false): Promise<void> {
    const specialist = this.specialist;
    if (!specialist || !this.session) return;
    try {
      const page = await this.session.client.operator.reviews.listForSpecialist(specialist.id, { limit: 20, ...(more && this.nextCursor ? { cursor: this.nextCursor } : {}) });
      this.reviews = more ? [...(this.reviews ?? []), ...page.data] : page.data;
      this.nextCursor = page.nextCursor;
      this.error = '';
    } catch (error) {
      this.error = `We could not load ${specialist.name}’s reviews. ${describeError(error).message}`;
    }
  }

  startHide(review: ReviewDetail): void {
    Object.assign(this, { hiding: review, reason: '', errors: noErrors });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#hide-reason')?.focus());
  }

  async hide(event: Event): Promise<void> {
    event.preventDefault();
    const review = this.hiding;
    if (!review) return;
    const ok = await this.confirm.ask({
      heading: `Hide ${review.reviewer}’s review?`,
      action: 'Hide review',
      back: 'Keep it shown',
      consequence: 'It leaves the public page and the rating at once. It is kept, with your reason, for the audit; the specialist sees it was hidden and why.',
    });
    if (!ok) return;
    try {
      await this.session!.client.operator.reviews.hide(review.id, { reason: this.reason });
      Object.assign(this, { hiding: undefined, errors: noErrors });
      this.session?.announce(`${review.reviewer}’s review is hidden.`);
      await this.load();
    } catch (error) {
      // The reason typed stays in its field.
      this.errors = formErrors(error);
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot.querySelector('form.hide') ?? this.renderRoot);
    }
  }

  /** A review hidden by mistake goes back on the public page and into the rating, after a confirmation. */
  async show(review: ReviewDetail): Promise<void> {
    const ok = await this.confirm.ask({
      heading: `Show ${review.reviewer}’s review again?`,
      action: 'Show it again',
      back: 'Keep it hidden',
      consequence: 'It is back on the public page and counted in the rating at once; the reason it was hidden is cleared.',
    });
    if (!ok) return;
    try {
      await this.session!.client.operator.reviews.show(review.id);
      this.session?.announce(`${review.reviewer}’s review is shown again.`);
      await this.load();
    } catch (error) {
      this.errors = formErrors(error);
    }
  }

  private renderReview(review: ReviewDetail) {
    return html`<li id=${`review-${review.id}`}>
      <p><strong>${review.rating} of 5</strong> · ${review.reviewer} · ${review.service} · ${day(review.createdAt)}</p>
      ${review.text ? html`<p class="text">${review.text}</p>` : html`<p class="note">A rating without words.</p>`}
      ${review.response ? html`<p class="note">The specialist answered: <span class="response">${review.response.text}</span></p>` : nothing}
      ${review.hidden
        ? html`<p class="hidden-note"><strong>Hidden</strong> on ${day(review.hidden.at)}: ${review.hidden.reason}</p>
          <button type="button" aria-label="Show again: ${review.reviewer}’s review" @click=${() => this.show(review)}>Show again…</button>`
        : this.hiding?.id === review.id
          ? this.renderHideForm(review)
          : html`<button type="button" aria-label="Hide ${review.reviewer}’s review" @click=${() => this.startHide(review)}>Hide…</button>`}
    </li>`;
  }

  private renderHideForm(review: ReviewDetail) {
    const { errors } = this;
    return html`<form class="hide" novalidate @submit=${(e: Event) => this.hide(e)} aria-label="Hide ${review.reviewer}’s review">
      ${renderFormError(errors)}
      <label for="hide-reason">Reason (kept for the audit; the specialist reads it, the public does not)</label>
      <textarea id="hide-reason" rows="2" maxlength="500" .value=${this.reason} aria-invalid=${invalid(errors, 'reason')}
        aria-describedby=${describedBy(errors, 'reason')} @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea>
      ${renderFieldError(errors, 'reason')}
      <div class="actions">
        <button type="submit" class="danger">Hide with this reason…</button>
        <button type="button" @click=${() => (this.hiding = undefined)}>Cancel</button>
      </div>
    </form>`;
  }

  override render() {
    const specialist = this.specialist;
    if (!specialist) return nothing;
    const list = this.reviews;
    return html`<section aria-labelledby="operator-reviews-heading">
      <h4 id="operator-reviews-heading" tabindex="-1">Reviews of ${specialist.name}</h4>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${!list ? html`<p>Loading…</p>` : list.length === 0 ? html`<p>No reviews yet.</p>` : html`<ul class="reviews">${list.map((review) => this.renderReview(review))}</ul>`}
      ${this.nextCursor ? html`<button type="button" @click=${() => this.load(true)}>Load more</button>` : nothing}
      ${this.confirm.render()}
    </section>`;
  }
}
