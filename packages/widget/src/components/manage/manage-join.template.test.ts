import { expect, fixture, html } from '@open-wc/testing';
import type { Booking } from '@slotwise/sdk/contract';
import { followUpOf, renderFollowUp } from './manage-join.template.js';

const booking = { id: 'bk_1', status: 'completed', specialist: { handle: 'demo', name: 'Dr. Ada Demo', timeZone: 'Europe/Berlin' }, sharedNotes: null, recordingUrl: null } as Booking;

describe('the follow-up after a session', () => {
  it('reads the notes and recording link the specialist shared from the booking, and no feedback link', () => {
    const shared = { ...booking, sharedNotes: 'Read chapter 3.', recordingUrl: 'https://rec.example/s/1' };
    expect(followUpOf(shared)).to.deep.equal({ feedbackUrl: null, notes: 'Read chapter 3.', recordingUrl: 'https://rec.example/s/1' });
  });

  it('has no feedback link, notes or recording while the API gives none', async () => {
    expect(followUpOf(booking)).to.deep.equal({ feedbackUrl: null, notes: null, recordingUrl: null });
    const el = await fixture(html`<div>${renderFollowUp(booking, followUpOf(booking))}</div>`);
    expect(el.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Your session has ended. Thank you for meeting with Dr. Ada Demo.');
    expect(el.querySelector('a')).to.equal(null);
  });

  it('shows the feedback link, notes and recording it is given, in new tabs, and no link that is not http(s)', async () => {
    const given = { feedbackUrl: 'https://slotwise.example/review/bk_1', notes: 'Practise the pitch.\nRead chapter 3.', recordingUrl: 'javascript:alert(1)' };
    const el = await fixture(html`<div>${renderFollowUp(booking, given)}</div>`);
    const feedback = el.querySelector<HTMLAnchorElement>('[part="feedback"]')!;
    expect(feedback.href).to.equal(given.feedbackUrl);
    expect(feedback.target).to.equal('_blank');
    expect(feedback.rel).to.equal('noopener noreferrer');
    expect(el.querySelector('[part="shared-notes"] .notes')!.textContent).to.equal(given.notes);
    expect(el.querySelector('[part="recording"]')).to.equal(null);
  });
});
