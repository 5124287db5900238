/**
 * Why a calendar feed could not be used:
 * - `invalid_url`: the address (or a redirect target) is not one we will fetch, or (on Node, at
 *   connect time) its name resolves to a local, private or reserved address;
 * - `unparseable`: the body is not an iCalendar document;
 * - `timeout`, `network`: the server did not answer in time, or could not be reached;
 * - `http_status`: it answered with a non-2xx status (see `status`);
 * - `too_large`: the body is larger than the configured limit;
 * - `too_many_redirects`: it redirected more than 3 times.
 */
export type CalendarFeedErrorCode =
  | 'invalid_url'
  | 'unparseable'
  | 'timeout'
  | 'network'
  | 'http_status'
  | 'too_large'
  | 'too_many_redirects';

/**
 * A failure to read an outside calendar. The message is a sentence a specialist can act on
 * ("The calendar server answered 404 …"), safe to show in the dashboard.
 */
export class CalendarFeedError extends Error {
  override readonly name = 'CalendarFeedError';
  readonly code: CalendarFeedErrorCode;
  /** The HTTP status, for `http_status`. */
  readonly status: number | undefined;

  constructor(code: CalendarFeedErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
  }
}
