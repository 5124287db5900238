/** What a meeting is made for. */
export interface MeetingRequest {
  /** Stable per booking: a retried create makes one meeting. */
  idempotencyKey: string;
  topic: string;
  /** ISO instants. */
  start: string;
  durationMinutes: number;
  timeZone: string;
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
  /** Moves a meeting (a reschedule); providers without times do nothing. */
  update(ref: string, request: MeetingRequest): Promise<void>;
  /** Removes it (a cancellation); one already gone is not a failure. */
  delete(ref: string): Promise<void>;
}
