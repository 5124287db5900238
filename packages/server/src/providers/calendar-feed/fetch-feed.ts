import { CalendarFeedError } from '../../services/availability/calendar-feed-error.js';
import { feedUrl } from './feed-url.js';

export interface FetchFeedOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
  allowHttp: boolean;
}

const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Frees the connection of a response whose body we will not read. */
const discard = (response: Response) => response.body?.cancel().catch(() => undefined);

function transportError(error: unknown, signal: AbortSignal, timeoutMs: number): CalendarFeedError {
  if (error instanceof CalendarFeedError) return error;
  if (signal.aborted) {
    return new CalendarFeedError('timeout', `The calendar server did not answer within ${timeoutMs / 1000} s.`, { cause: error });
  }
  return new CalendarFeedError('network', 'The calendar server could not be reached. Check the address and try again.', { cause: error });
}

/** The body as text, refusing it as soon as it passes `maxBytes`: never buffers past the limit. */
async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new CalendarFeedError('too_large', `The calendar is larger than ${Math.round(maxBytes / 1024)} KiB, more than we read.`);
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await discard(response);
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * Fetches a feed's text. One deadline covers the whole exchange, redirects and body included.
 * Redirects are followed by hand (at most 3) so every hop passes the same URL checks as the first:
 * a public feed must not be able to bounce us to `file:`, `ftp:` or 127.0.0.1.
 *
 * @throws CalendarFeedError
 */
export async function fetchFeedText(start: URL, options: FetchFeedOptions): Promise<string> {
  const { timeoutMs, allowHttp } = options;
  const signal = AbortSignal.timeout(timeoutMs);
  let url = start;
  try {
    for (let hop = 0; ; hop++) {
      const response = await options.fetch(url, { redirect: 'manual', signal, headers: { accept: 'text/calendar' } });
      if (REDIRECTS.has(response.status)) {
        await discard(response);
        const location = response.headers.get('location');
        if (hop === MAX_REDIRECTS) {
          throw new CalendarFeedError('too_many_redirects', `The calendar address redirects more than ${MAX_REDIRECTS} times.`);
        }
        if (!location) {
          throw new CalendarFeedError('http_status', `The calendar server answered ${response.status} without saying where to go.`, { status: response.status });
        }
        try {
          url = feedUrl(new URL(location, url).href, { allowHttp });
        } catch (error) {
          const reason = error instanceof CalendarFeedError ? ` ${error.message}` : '';
          throw new CalendarFeedError('invalid_url', `The calendar address redirects somewhere we do not follow.${reason}`, { cause: error });
        }
        continue;
      }
      if (!response.ok) {
        await discard(response);
        throw new CalendarFeedError('http_status', `The calendar server answered ${response.status} ${response.statusText}`.trim() + '.', { status: response.status });
      }
      return await readLimited(response, options.maxBytes);
    }
  } catch (error) {
    throw transportError(error, signal, timeoutMs);
  }
}
