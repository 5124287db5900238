import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface CountdownOptions {
  /** The deadline (an ISO instant), or nothing while there is none. */
  until: () => string | null | undefined;
  /** The clock; a test passes a fixed one. */
  now: () => Date;
}

/**
 * Re-renders its host every second until a deadline passes, e.g. a booking's hold. It reads the
 * clock at render time rather than counting ticks, so a throttled background tab or a changed
 * clock still shows the true time left.
 */
export class CountdownController implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CountdownOptions,
  ) {
    host.addController(this);
  }

  /** Milliseconds left, 0 once the deadline has passed, `undefined` without a deadline. */
  get remaining(): number | undefined {
    const until = this.options.until();
    if (!until) return undefined;
    return Math.max(0, Date.parse(until) - this.options.now().getTime());
  }

  get ended(): boolean {
    return this.remaining === 0;
  }

  hostConnected(): void {
    // Time passed while the host was away from the page: show it as it is now.
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const running = (this.remaining ?? 0) > 0;
    if (running && !this.timer) this.timer = setInterval(() => this.host.requestUpdate(), 1000);
    if (!running) this.stop();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
