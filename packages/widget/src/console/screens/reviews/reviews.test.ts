import { expect, html } from '@open-wc/testing';
import { createClient } from '@slotwise/sdk';
import { clockApi } from '../../../testing/clock.js';
import { deep, deepAll, eventually } from '../../../testing/helpers.js';
import { button, fill, text } from '../../testing/screen.js';
import { reviewedSession } from '../../testing/reviews.js';
import { demoOnClock, inConsole } from '../../testing/session.js';
import type { SlotwiseConsoleReviews } from './reviews.component.js';
import './reviews.js';
import { formatInstantDate } from '../../../internal/format.js';

const SCRIPT = '<img src=x onerror="window.__hacked = true">Great <b>session</b>';

describe('console reviews', () => {
  it('lists the customer’s words as text, publishes one answer after the server refuses an empty one, and shows it (axe-clean)', async () => {
    const review = await reviewedSession(4, SCRIPT);
    const session = await demoOnClock();
    const el = await inConsole<SlotwiseConsoleReviews>(html`<slotwise-console-reviews></slotwise-console-reviews>`, session);
    await eventually(() => deep(el, `#review-${review.id}`), 'the review');
    const item = deep(el, `#review-${review.id}`)!;
    expect(text(item)).to.contain('4 of 5').and.contain('Ada L.');
    // Dated in the specialist's zone, as the rest of the console: not the browser's.
    expect(text(item)).to.contain(formatInstantDate(review.createdAt, session.profile!.timeZone, undefined, { dateStyle: 'medium' }));
    expect(text(deep(el, `#review-${review.id} .text`))).to.equal(SCRIPT); // the markup shown as the characters typed
    expect(deepAll(el, `#review-${review.id} img`)).to.have.length(0);
    expect((window as { __hacked?: boolean }).__hacked).to.equal(undefined);
    await expect(el).to.be.accessible();
    // Before publishing, the specialist reads who learns of the answer.
    expect(text(deep(el, `#answer-hint-${review.id}`))).to.equal('The customer is emailed your answer, unless they turned off emails about reviews.');

    fill(el, `#answer-${review.id}`, '   ');
    deep<HTMLFormElement>(el, `#review-${review.id} form`)!.requestSubmit();
    await eventually(() => deep(el, `#answer-error-${review.id}`), 'the server’s refusal beside the field');
    expect(el.shadowRoot!.activeElement?.id).to.equal(`answer-${review.id}`);
    expect(deep(el, `#answer-${review.id}`)!.getAttribute('aria-describedby')).to.equal(`answer-hint-${review.id} answer-error-${review.id}`);

    fill(el, `#answer-${review.id}`, 'Thank you, Ada — see you next month.');
    button(el, 'Publish answer to Ada L.').click();
    await eventually(() => deep(el, `#review-${review.id} .response`), 'the published answer');
    expect(text(deep(el, `#review-${review.id} .response`))).to.contain('Thank you, Ada — see you next month.');
    expect(deep(el, `#review-${review.id} form`)).to.equal(undefined); // once: no second answer offered
    expect(session.announced).to.include('Your answer to Ada L. is published.');
    const page = await createClient({ baseURL: clockApi() }).reviews.list('demo');
    expect(page.data.find((r) => r.id === review.id)?.response?.text).to.equal('Thank you, Ada — see you next month.');
    await expect(el).to.be.accessible();
  });
});
