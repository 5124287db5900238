import { expect, html } from '@open-wc/testing';
import { createClient } from '@slotwise/sdk';
import { clockApi } from '../../../testing/clock.js';
import { deep, deepAll, eventually } from '../../../testing/helpers.js';
import { button, confirmDialog, fill, part, text } from '../../testing/screen.js';
import { reviewedSession } from '../../testing/reviews.js';
import { inConsole, operatorOnClock } from '../../testing/session.js';
import type { SlotwiseConsoleOperator } from './operator.component.js';
import './operator.js';

const WORDS = 'Buy cheap watches at <a href="https://spam.example">spam.example</a>';

describe('console operator: reviews', () => {
  it('lists a specialist’s reviews, hides one with a reason after the server refuses an empty one, and the public page drops it (axe-clean)', async () => {
    const review = await reviewedSession(1, WORDS);
    const session = await operatorOnClock();
    const el = await inConsole<SlotwiseConsoleOperator>(html`<slotwise-console-operator></slotwise-console-operator>`, session);
    await eventually(() => deep(el, 'slotwise-console-specialists', 'tr[data-handle="demo"]'), 'the demo specialist in the list');
    const specialists = part(el, 'specialists');
    const demoName = text(deep(specialists, 'tr[data-handle="demo"] th')).split('@')[0]!.trim();
    button(specialists, `Reviews of ${demoName}`).click();

    await eventually(() => deep(specialists, 'slotwise-console-operator-reviews', `#review-${review.id}`), 'the review');
    const reviews = part(specialists, 'operator-reviews');
    expect(reviews.shadowRoot!.activeElement?.id).to.equal('operator-reviews-heading');
    const item = deep(reviews, `#review-${review.id}`)!;
    expect(text(item)).to.contain('1 of 5').and.contain('Ada L.');
    expect(text(deep(reviews, `#review-${review.id} .text`))).to.equal(WORDS); // the markup shown as typed
    expect(deep(reviews, `#review-${review.id} a`)).to.equal(undefined);
    await expect(el).to.be.accessible();

    // An empty reason: the contract's refusal beside the field, which keeps the focus.
    button(reviews, 'Hide Ada L.’s review').click();
    await eventually(() => deep(reviews, '#hide-reason'), 'the reason field');
    expect(reviews.shadowRoot!.activeElement?.id).to.equal('hide-reason');
    button(reviews, 'Hide with this reason…').click();
    await confirmDialog(reviews, 'It leaves the public page and the rating at once.');
    await eventually(() => deep(reviews, '#hide-reason')!.getAttribute('aria-invalid') === 'true', 'the refusal');
    expect(reviews.shadowRoot!.activeElement?.id).to.equal('hide-reason');
    const visitor = createClient({ baseURL: clockApi() });
    expect((await visitor.reviews.list('demo')).data.map((r) => r.id)).to.include(review.id);
    await expect(el).to.be.accessible();

    fill(reviews, '#hide-reason', 'Advertising, not a review of a session');
    button(reviews, 'Hide with this reason…').click();
    await confirmDialog(reviews, 'kept, with your reason, for the audit');
    await eventually(() => deep(reviews, `#review-${review.id} .hidden-note`), 'the review marked hidden');
    expect(text(deep(reviews, `#review-${review.id} .hidden-note`))).to.contain('Advertising, not a review of a session');
    expect(session.announced).to.include('Ada L.’s review is hidden.');
    expect((await visitor.reviews.list('demo')).data.map((r) => r.id)).not.to.include(review.id);
    await expect(el).to.be.accessible();

    // Hidden by mistake: shown again after a confirmation, back on the public page.
    deepAll<HTMLButtonElement>(reviews, `#review-${review.id} button`).find((b) => b.textContent === 'Show again…')!.click();
    await confirmDialog(reviews, 'back on the public page');
    await eventually(() => !deep(reviews, `#review-${review.id} .hidden-note`), 'the review shown');
    expect(session.announced).to.include('Ada L.’s review is shown again.');
    expect((await visitor.reviews.list('demo')).data.map((r) => r.id)).to.include(review.id);
  });
});
