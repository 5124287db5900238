import { html, nothing } from 'lit';
import type { Booking, BookingLocation } from '@slotwise/sdk/contract';
import type { ErrorDetail } from '../../events.js';
import { en, type Messages } from '../../i18n/index.js';
import { errorText } from '../../internal/errors.js';
import { formatMoment, formatTimeLeft, formatTime } from '../../internal/format.js';
import { joinedByLink, webLink, type JoinPhase } from '../../internal/join-window.js';
import { addEnglish } from '../../i18n/en.js';
import { join } from '../../i18n/en/join.js';

// This part's English travels with it: added when the module evaluates, before it renders (`i18n/en.ts`).
addEnglish(join);

/** What the join panel shows and what its controls do. */
export interface JoinView {
  phase: JoinPhase;
  now: Date;
  timeZone: string;
  locale: string | undefined;
  t: Messages;
  /** A read of the booking is under way. */
  checking: boolean;
  /** The view will read the booking again by itself for a missing link. */
  willRetry: boolean;
  checkError: ErrorDetail | undefined;
  checkAgain(): void;
  joined(event: Event): void;
}

/**
 * Joining, by phase: before the window a countdown to it; inside it the **Join** link the server
 * gave (or, while it has none, a truthful wait with "Check again"); for sessions by phone or in
 * person the countdown to the start and where; after the end a thank-you (`renderFollowUp`).
 */
export function renderJoin(booking: Booking, view: JoinView) {
  const { phase, t } = view;
  if (phase.phase === 'none') return nothing;
  if (phase.phase === 'over') return renderFollowUp(booking, followUpOf(booking), t);
  const at = (instant: string) => html`<time datetime=${instant}>${formatMoment(instant, view.timeZone, view.locale, view.now)}</time>`;
  const left = (until: number) => formatTimeLeft(until - view.now.getTime(), view.locale);
  const location = renderLocation(booking.location, t);
  if (phase.phase === 'before') {
    const text = joinedByLink(booking.location.kind)
      ? t.joinIn(html`<strong>${left(phase.at)}</strong>`, at(booking.join.opensAt))
      : t.startsIn(html`<strong>${left(phase.at)}</strong>`, at(booking.start));
    return html`<div part="join-panel" class="join" data-phase="before"><p part="join-countdown">${text}</p>${location}</div>`;
  }
  const start = Date.parse(booking.start);
  const end = Date.parse(booking.end);
  const now = view.now.getTime();
  const remaining = html`<p part="join-remaining" class="muted">${now < start
    ? t.startsIn(html`${left(start)}`, at(booking.start))
    : now < end
    ? t.timeLeft(html`${left(end)}`, at(booking.end))
    : t.plannedUntil(at(booking.end))}</p>`;
  if (!joinedByLink(booking.location.kind)) {
    return html`<div part="join-panel" class="join" data-phase="open">${remaining}${location}</div>`;
  }
  if (phase.url) {
    return html`<div part="join-panel" class="join" data-phase="open">
      <a part="join" class="join-button" href=${phase.url} target="_blank" rel="noopener noreferrer" @click=${view.joined}>${t.joinSession}<span
        class="visually-hidden">${t.opensInNewTab}</span></a>
      ${remaining}
    </div>`;
  }
  return html`<div part="join-panel" class="join" data-phase="waiting">
    <p part="join-waiting">${view.checkError
      ? t.linkCheckFailed(errorText(view.checkError, t))
      : view.willRetry || view.checking
      ? t.linkPreparingAuto
      : t.linkPreparingManual}</p>
    <div class="actions"><button type="button" part="join-check" ?disabled=${view.checking} @click=${view.checkAgain}>
      ${view.checking ? t.checking : t.checkAgain}</button></div>
    ${remaining}
  </div>`;
}

/** What a screen reader hears when the phase changes (the countdown itself is not announced). */
export function joinAnnouncement(booking: Booking | undefined, phase: JoinPhase, t: Messages = en): string {
  if (phase.phase === 'over') return t.announceEnded;
  if (phase.phase !== 'open' || !booking || !joinedByLink(booking.location.kind)) return '';
  return phase.url ? t.announceJoinNow : t.announcePreparing;
}

/** Where a session by phone or in person happens, as the server sent it; nothing for the others. */
function renderLocation(location: BookingLocation, t: Messages) {
  if (!location.detail) return nothing;
  if (location.kind === 'phone') {
    const dial = location.detail.replace(/[^+\d]/g, '');
    // A phone number reads left to right in every script.
    return html`<p part="location" class="location">${t.byPhone(html`<a part="location-phone" href=${`tel:${dial}`} dir="ltr">${location.detail}</a>`)}</p>`;
  }
  if (location.kind === 'in_person') return html`<p part="location" class="location">${t.address(html`<span class="address">${location.detail}</span>`)}</p>`;
  return nothing;
}

/**
 * What follows a session for its customer: where to leave feedback, and the notes and recording
 * the specialist shared. Only ever what the server sent, never a made-up link.
 */
export interface FollowUp {
  feedbackUrl: string | null;
  notes: string | null;
  recordingUrl: string | null;
}

/**
 * The booking's follow-up: the notes and recording link its specialist shared, read here and only
 * here. No feedback link: a completed booking's review form is in the view itself (`<slotwise-review-form>`).
 */
export function followUpOf(booking: Booking): FollowUp {
  return { feedbackUrl: null, notes: booking.sharedNotes ?? null, recordingUrl: booking.recordingUrl ?? null };
}

/** The thank-you after the session, with the follow-up the server gave (if any). */
export function renderFollowUp(booking: Booking, followUp: FollowUp, t: Messages = en) {
  const feedback = webLink(followUp.feedbackUrl);
  const recording = webLink(followUp.recordingUrl);
  return html`<div part="follow-up" class="follow-up">
    <p class="thanks">${t.sessionEnded(booking.specialist.name)}</p>
    ${feedback ? html`<p><a part="feedback" href=${feedback} target="_blank" rel="noopener noreferrer">${t.shareFeedback}<span
      class="visually-hidden">${t.opensInNewTab}</span></a></p>` : nothing}
    ${followUp.notes ? html`<div part="shared-notes" class="shared-notes"><h4>${t.notesFrom(booking.specialist.name)}</h4>
      <p class="notes">${followUp.notes}</p></div>` : nothing}
    ${recording ? html`<p><a part="recording" href=${recording} target="_blank" rel="noopener noreferrer">${t.watchRecording}<span
      class="visually-hidden">${t.opensInNewTab}</span></a></p>` : nothing}
  </div>`;
}
