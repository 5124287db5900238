/**
 * Transient failures of a remote libSQL database (Turso) over HTTP, retried where a retry cannot
 * apply a write twice. libSQL's web client sends each unit of work as one Hrana pipeline request
 * (`POST /v2/pipeline`); this wraps the `fetch` it is given:
 *
 * - **429 and 503** answers: the server refused the request before running it (rate limited,
 *   overloaded, waking up) — retried whatever the request holds, after `Retry-After` when given.
 * - **A lost connection** (fetch rejects) and **502/504** (a gateway gave up waiting): the request
 *   may have run. Retried only when it cannot have written anything — a fresh stream (no baton:
 *   not the middle of a transaction) whose statements are all reads. A write is never resent: the
 *   caller sees the failure (a guarded batch retried from a fresh snapshot would then find its own
 *   write, so nothing is applied twice there either).
 *
 * At most `tries` attempts with a growing pause (`pauseMs`, ×4 each time, `Retry-After` capped at
 * `maxPauseMs`), so one request costs a bounded time. Everything else — 4xx, 500, a SQL error
 * inside a 200 — goes back to the client as it came.
 */
export interface RetryOptions {
  /** Attempts in all, the first included. @default 3 */
  tries?: number;
  /** Pause before the second attempt, in ms; ×4 before each further one. @default 50 */
  pauseMs?: number;
  /** Longest pause, `Retry-After` included, in ms. @default 2000 */
  maxPauseMs?: number;
  /** How to wait (tests pass one that records instead of sleeping). */
  sleep?: (ms: number) => Promise<void>;
}

type Fetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

const REFUSED_BEFORE_RUNNING = new Set([429, 503]);
const MAYBE_RAN = new Set([502, 504]);

/** Statements that read only: what a read-only pipeline may hold. */
const READ = /^\s*(select|pragma\s+\w+\s*(;|$)|explain)\b/i;

interface Pipeline {
  baton?: string | null;
  requests?: { type?: string; sql?: string; stmt?: { sql?: string }; batch?: { steps?: { stmt?: { sql?: string } }[] } }[];
}

/** Whether a Hrana pipeline body cannot write: no open transaction, every SQL text a read. */
export function isReadOnlyPipeline(body: string): boolean {
  let pipeline: Pipeline;
  try {
    pipeline = JSON.parse(body) as Pipeline;
  } catch {
    return false;
  }
  if (pipeline.baton || !Array.isArray(pipeline.requests)) return false;
  const texts: (string | undefined)[] = [];
  for (const request of pipeline.requests) {
    if (request.type === 'close' || request.type === 'get_autocommit' || request.type === 'close_sql') continue;
    if (request.type === 'execute') texts.push(request.stmt?.sql);
    else if (request.type === 'store_sql') texts.push(request.sql);
    else if (request.type === 'batch') for (const step of request.batch?.steps ?? []) texts.push(step.stmt?.sql);
    else return false; // `sequence`, `describe`, anything new: not known to be a read
  }
  // A statement sent by `sql_id` was stored by a `store_sql` in this body (checked above) or
  // earlier on this stream — which a fresh stream has not.
  return texts.every((text) => text === undefined || READ.test(text));
}

function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** `fetch` with the retries above, for libSQL's web client (`createClient({ fetch })`). */
export function retryingFetch(fetch: Fetch, options: RetryOptions = {}): Fetch {
  const tries = options.tries ?? 3;
  const pauseMs = options.pauseMs ?? 50;
  const maxPauseMs = options.maxPauseMs ?? 2000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return async (input, init) => {
    // The body is read once, as text, so every attempt sends the same bytes.
    const request = new Request(input, init);
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
    const readOnly = body !== undefined && isReadOnlyPipeline(body);
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= tries;
      const pause = Math.min(maxPauseMs, pauseMs * 4 ** (attempt - 1));
      let response: Response;
      try {
        response = await fetch(request.url, { method: request.method, headers: request.headers, ...(body === undefined ? {} : { body }) });
      } catch (error) {
        if (last || !(readOnly || body === undefined)) throw error;
        await sleep(pause);
        continue;
      }
      const retry = REFUSED_BEFORE_RUNNING.has(response.status) || (MAYBE_RAN.has(response.status) && (readOnly || body === undefined));
      if (!retry || last) return response;
      await response.body?.cancel();
      await sleep(Math.min(maxPauseMs, retryAfterMs(response) ?? pause));
    }
  };
}
