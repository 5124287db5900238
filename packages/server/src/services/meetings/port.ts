/** What a meeting is made for. */
export interface MeetingRequest {
  /** Stable per booking: a retried create makes one meeting (where the provider can tell). */
  idempotencyKey: string;
  topic: string;
  /** ISO instants. */
  start: string;
  durationMinutes: number;
  /** The host's zone (the specialist's), for the provider's own pages and emails. */
  timeZone: string;
  /**
   * An earlier attempt with this key may have made the meeting before its answer was lost: a
   * provider that can look for it does so before making another.
   */
  retry?: boolean;
}

export interface Meeting {
  /** The provider's id, for updates and deletion. */
  ref: string;
  joinUrl: string;
}

/** A video meeting provider: Jitsi Meet (no account), Zoom (Server-to-Server OAuth). */
export interface MeetingProvider {
  readonly kind: 'jitsi' | 'zoom';
  create(request: MeetingRequest): Promise<Meeting>;
  /**
   * Moves a meeting (a reschedule); providers without times do nothing. Answers the meeting when
   * its link changed, nothing when it stays the same.
   */
  update(ref: string, request: MeetingRequest): Promise<Meeting | void>;
  /** Removes it (a cancellation); one already gone is not a failure. */
  delete(ref: string): Promise<void>;
}

/**
 * A provider's refusal or failure. `retryable` failures (rate limits, the provider down, a
 * network error) are tried again later; the others (a refused request, credentials that do not
 * work) would fail the same way every time.
 */
export class MeetingProviderError extends Error {
  readonly retryable: boolean;
  /** The provider's HTTP status, when it answered. */
  readonly status: number | undefined;
  /** The provider's own error code (Zoom's `code`, an OAuth `error`). */
  readonly code: string | number | undefined;

  constructor(message: string, options: { retryable: boolean; status?: number; code?: string | number; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MeetingProviderError';
    this.retryable = options.retryable;
    this.status = options.status;
    this.code = options.code;
  }
}
