import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Booking } from '@slotwise/sdk/contract';
import { emit, type ErrorDetail } from './events.js';
import { joinPhase, nextLinkCheck, type JoinPhase } from './internal/join-window.js';

export interface JoinOptions {
  /** The booking shown, as last read from the server. */
  booking: () => Booking | undefined;
  /** The clock; a test passes one it moves. */
  now: () => Date;
  /** Reads the booking again while it stays on screen; answers why that failed, if it did. */
  refresh: () => Promise<ErrorDetail | undefined>;
}

/**
 * The join flow of one booking's manage view: its phase now (see `joinPhase`), a re-render every
 * second while a countdown runs, and reads of the booking when its window opens and — a bounded
 * number of times (`LINK_RETRY_DELAYS_MS`) — while the link is still missing inside it. The link
 * is only ever the one the server answered. Fires `slotwise:join-opened` once per booking and
 * window when the link shows, and `slotwise:joined` (cancelable) from `joined`.
 *
 * It reads the clock at each check rather than trusting timers to fire on time, so a throttled
 * background tab, a laptop waking up or a test's moved clock still sees the true moment.
 */
export class JoinController implements ReactiveController {
  /** Whether a read of the booking is under way. */
  checking = false;
  /** Why the last read failed, until one succeeds. */
  checkError: ErrorDetail | undefined;

  private timer: ReturnType<typeof setInterval> | undefined;
  private shown: Booking | undefined;
  /** When `shown` was read, or a read was last tried (the host's clock). */
  private readAt = 0;
  /** Reads made inside the window without getting the link. */
  private retries = 0;
  /** The booking and window `retries` and `announced` are about: a move starts them over. */
  private window = '';
  private announced = '';

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly options: JoinOptions,
  ) {
    host.addController(this);
  }

  get phase(): JoinPhase {
    return this.phaseAt(this.options.now().getTime());
  }

  /** The phase at `now` (a render reads the clock once for everything it shows). */
  phaseAt(now: number): JoinPhase {
    const booking = this.options.booking();
    return booking ? joinPhase(booking, now) : { phase: 'none' };
  }

  /** Whether it will read the booking again on its own for a link still missing. */
  get willRetry(): boolean {
    const booking = this.options.booking();
    return booking !== undefined && nextLinkCheck(booking, this.readAt, this.retries) !== null;
  }

  /** "Check again": one read now, and the automatic ones start over. */
  checkNow(): void {
    void this.check(true);
  }

  /** The Join link's click (Enter on it too): tells the host page, which may keep it from opening. */
  joined(event: Event): void {
    const booking = this.options.booking();
    const phase = this.phase;
    if (!booking || phase.phase !== 'open' || !phase.url) return;
    if (!emit(this.host, 'slotwise:joined', { booking, url: phase.url }, { cancelable: true })) event.preventDefault();
  }

  hostConnected(): void {
    // Time passed while the host was away from the page: show it as it is now.
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    // Before the render, which says whether the view will ask again by itself.
    const booking = this.options.booking();
    if (booking !== this.shown) this.track(booking, this.options.now().getTime());
  }

  hostUpdated(): void {
    const booking = this.options.booking();
    const now = this.options.now().getTime();
    const phase = this.phaseAt(now);
    if (booking && phase.phase === 'open' && phase.url && this.announced !== this.window) {
      this.announced = this.window;
      emit(this.host, 'slotwise:join-opened', { booking, url: phase.url, closesAt: booking.join.closesAt });
    }
    const due = booking && !this.checking ? nextLinkCheck(booking, this.readAt, this.retries) : null;
    if (due !== null && now >= due) void this.check(false);
    const running = phase.phase === 'before' || phase.phase === 'open';
    if (running && !this.timer) this.timer = setInterval(() => this.host.requestUpdate(), 1000);
    if (!running) this.stop();
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** A booking read (or answered to a change) just now; another booking or window starts over. */
  private track(booking: Booking | undefined, now: number): void {
    this.shown = booking;
    this.readAt = now;
    const window = booking ? `${booking.id} ${booking.join.opensAt}` : '';
    if (window === this.window) return;
    this.window = window;
    this.retries = 0;
    this.checkError = undefined;
  }

  private async check(byVisitor: boolean): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    // Called from `hostUpdated`: the host's next render comes after the one finishing now.
    queueMicrotask(() => this.host.requestUpdate());
    const error = await this.options.refresh();
    this.checking = false;
    this.checkError = error;
    // A failed read waits like one without the link: a server that is down is not asked every second.
    this.readAt = this.options.now().getTime();
    this.retries = byVisitor ? 0 : this.retries + 1;
    this.host.requestUpdate();
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
