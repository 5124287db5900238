import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { SpecialistBooking } from '@slotwise/sdk/contract';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { describeError } from '../../../internal/errors.js';
import { formatInstantDate, formatTime } from '../../../internal/format.js';
import { tokens } from '../../../styles/tokens.js';
import { ConfirmController } from '../../ui/confirm-dialog.js';
import { focusFirstInvalid, formErrors, noErrors, type FormErrors } from '../../ui/form-errors.js';
import { screenStyles } from '../../ui/screen.styles.js';
import { ConsoleReschedule } from './console-reschedule.js';
import { cancelConsequence, refundSentence, renderDetail } from './booking-detail.template.js';
import { styles } from './booking-detail.styles.js';
import '../../../components/calendar/calendar.js';
import '../../../components/time-list/time-list.js';

/**
 * @summary One booking as its specialist sees it: customer, time in both zones, service, price,
 * payment and refunds, meeting, the history of events; complete, no-show, cancel (saying the
 * refund first), reschedule on the slot picker, private notes and the notes and recording link
 * shared with the customer.
 */
export class SlotwiseConsoleBookingDetail extends LitElement {
  static override styles = [tokens, screenStyles, styles];

  @property({ attribute: 'booking-id' }) bookingId = '';
  /**
   * The clock the screen reads "has the session started?" from (completed / no-show instead of
   * reschedule / cancel); the server decides again on its own clock. Tests give the API's clock.
   */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;

  @state() booking: SpecialistBooking | undefined;
  @state() error = '';
  @state() busy = false;
  @state() notes = '';
  /** Shared with the customer (their booking page, the follow-up email); empty clears on save. */
  @state() sharedNotes = '';
  @state() recordingUrl = '';
  @state() notesErrors: FormErrors = noErrors;
  @state() reason = '';
  /** Seats per session of the booking's service (1: one-to-one); a group seat can cancel its whole session. */
  @state() capacity = 1;
  readonly confirm = new ConfirmController(this);
  readonly reschedule = new ConsoleReschedule(this);

  get timeZone(): string {
    return this.session?.profile?.timeZone ?? this.booking?.specialist.timeZone ?? 'UTC';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    // Another booking: nothing typed for the last one (a cancellation's reason goes to its
    // customer) and none of its actions stay on screen while this one loads.
    if (changed.has('bookingId') && changed.get('bookingId') !== undefined) {
      this.booking = undefined;
      this.reason = '';
      this.error = '';
      this.notesErrors = noErrors;
    }
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('bookingId') || (changed.has('session') && !this.booking)) void this.load();
  }

  async load(): Promise<void> {
    if (!this.session || !this.bookingId) return;
    try {
      this.booking = await this.session.client.me.bookings.retrieve(this.bookingId);
      this.notes = this.booking.specialistNotes;
      this.sharedNotes = this.booking.sharedNotes ?? '';
      this.recordingUrl = this.booking.recordingUrl ?? '';
      this.error = '';
      // The service may be gone or inactive: then it is shown as one-to-one (its own cancel still works).
      this.capacity = await this.session.client.me.services.retrieve(this.booking.service.id).then((service) => service.capacity ?? 1, () => 1);
    } catch (error) {
      this.error = `We could not load this booking. ${describeError(error).message}`;
    }
  }

  /** Runs one change on the server and shows the booking it answers; says only what happened. */
  private async act(run: () => Promise<SpecialistBooking>, said: (booking: SpecialistBooking) => string): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      this.booking = await run();
      this.session?.announce(said(this.booking));
    } catch (error) {
      this.error = describeError(error).message;
    } finally {
      this.busy = false;
    }
  }

  complete() {
    const id = this.bookingId;
    return this.act(() => this.session!.client.me.bookings.complete(id), () => 'Marked as completed.');
  }

  noShow() {
    const id = this.bookingId;
    return this.act(() => this.session!.client.me.bookings.markNoShow(id), () => 'Marked as a no-show.');
  }

  async cancel(): Promise<void> {
    const booking = this.booking;
    if (!booking) return;
    const ok = await this.confirm.ask({ heading: 'Cancel this booking?', consequence: cancelConsequence(booking), action: 'Cancel booking', back: 'Keep the booking' });
    if (!ok) return;
    const reason = this.reason.trim();
    await this.act(
      () => this.session!.client.me.bookings.cancel(booking.id, reason ? { reason } : {}),
      (cancelled) => `Booking cancelled.${refundSentence(cancelled)}`,
    );
  }

  /** Cancels every seat of this group session, after a confirmation that says what follows for each attendee. */
  async cancelSession(): Promise<void> {
    const booking = this.booking;
    if (!booking) return;
    const ok = await this.confirm.ask({
      heading: 'Cancel the whole session?',
      consequence: `Every seat booked for this ${booking.service.name} session is cancelled, not only ${booking.customer.name}’s. Each paid seat is refunded in full, and each attendee is emailed (with your reason, if you gave one).`,
      action: 'Cancel session',
      back: 'Keep the session',
    });
    if (!ok) return;
    const reason = this.reason.trim();
    this.busy = true;
    this.error = '';
    try {
      const { data } = await this.session!.client.me.bookings.cancelSession(booking.id, reason ? { reason } : {});
      this.booking = data.find((seat) => seat.id === booking.id) ?? (await this.session!.client.me.bookings.retrieve(booking.id));
      const refunded = data.filter((seat) => seat.payment && seat.payment.amountRefunded > 0).length;
      this.session?.announce(`Session cancelled: ${data.length === 1 ? '1 seat' : `${data.length} seats`}${refunded ? `, ${refunded} refunded in full` : ''}.`);
    } catch (error) {
      this.error = describeError(error).message;
    } finally {
      this.busy = false;
    }
  }

  startReschedule() {
    const { booking, session } = this;
    // The specialist's access token (the client's key) authorises the move: no manage token.
    if (booking && session) this.reschedule.start(booking, { client: session.client, manageToken: '', timeZone: this.timeZone, locale: undefined, now: () => this.now() });
  }

  async confirmReschedule(): Promise<void> {
    const moved = await this.reschedule.confirm();
    if (!moved) return;
    // Read back as the specialist sees it: the history now has the move.
    await this.load();
    this.session?.announce(`Booking moved to ${formatInstantDate(moved.start, this.timeZone)}, ${formatTime(moved.start, this.timeZone)}.`);
  }

  async saveNotes(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.booking || !this.session) return;
    try {
      const recordingUrl = this.recordingUrl.trim();
      this.booking = await this.session.client.me.bookings.updateNotes(this.booking.id, {
        notes: this.notes,
        sharedNotes: this.sharedNotes.trim() || null,
        recordingUrl: recordingUrl || null,
      });
      this.sharedNotes = this.booking.sharedNotes ?? '';
      this.recordingUrl = this.booking.recordingUrl ?? '';
      this.notesErrors = noErrors;
      this.session.announce('Notes saved.');
    } catch (error) {
      // What was typed stays in the fields: they are only replaced by a successful save.
      this.notesErrors = formErrors(error);
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot.querySelector('form.notes') ?? this.renderRoot);
    }
  }

  override render() {
    if (!this.session) return nothing;
    if (!this.booking) return this.error ? html`<p role="alert">${this.error}</p>` : html`<p>Loading the booking…</p>`;
    return html`${renderDetail(this, this.booking)}${this.confirm.render()}`;
  }
}
