// Rate limits that hold across isolates: one Durable Object per limited key (`login:203.0.113.9`)
// counts that key's fixed window, so every isolate of the Worker, anywhere, sees one count. The
// windows are the middleware's own (60 s, 15 min): Cloudflare's rate-limiting binding offers only
// 10 or 60 s per binding and counts per location, so it could not keep them (docs/edge.md).
import type { RateLimitHit, RateLimitStore } from '../../http/middleware/rate-limit/store.js';

/** The parts of a Durable Object namespace binding used here (`env.RATE_LIMITS`). */
export interface DurableObjectNamespaceLike {
  idFromName(name: string): unknown;
  get(id: never): { fetch(input: string, init?: RequestInit): Promise<Response> };
}

/** The parts of a Durable Object's state used here. */
export interface DurableObjectStateLike {
  storage: {
    get<T>(key: string): Promise<T | undefined>;
    put(key: string, value: unknown): Promise<void>;
    deleteAll(): Promise<void>;
    setAlarm(scheduledTime: number): Promise<void>;
  };
}

const WINDOW = 'window';
const MAX_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The Durable Object class (export it from the Worker's main module and bind it as `RATE_LIMITS`).
 * Its one stored value is the key's window `{ count, resetAt }`. Workers' input gate holds other
 * requests to this object while a storage call is pending, so the read-count-write of one hit
 * never interleaves with another's. An alarm at the window's end deletes it: a client that goes
 * away leaves nothing stored.
 */
export class RateLimitCounter {
  constructor(private readonly state: DurableObjectStateLike) {}

  async fetch(request: Request): Promise<Response> {
    const { windowMs } = (await request.json()) as { windowMs?: unknown };
    if (typeof windowMs !== 'number' || !Number.isInteger(windowMs) || windowMs < 1 || windowMs > MAX_WINDOW_MS) {
      return new Response('windowMs must be a whole number of milliseconds up to a day', { status: 400 });
    }
    const now = Date.now();
    const open = await this.state.storage.get<RateLimitHit>(WINDOW);
    const current = open && open.resetAt > now ? open : { count: 0, resetAt: now + windowMs };
    const hit = { count: current.count + 1, resetAt: current.resetAt };
    await this.state.storage.put(WINDOW, hit);
    if (current !== open) await this.state.storage.setAlarm(hit.resetAt);
    return Response.json(hit);
  }

  /** The window is over (alarms may run late: a window opened since is kept). */
  async alarm(): Promise<void> {
    const open = await this.state.storage.get<RateLimitHit>(WINDOW);
    if (!open || open.resetAt <= Date.now()) await this.state.storage.deleteAll();
  }
}

/**
 * The middleware's store over the `RateLimitCounter` namespace: one object per key, one request to
 * it per limited request.
 *
 * @throws Error when the object does not answer as `RateLimitCounter` does (the request then fails
 *   as any unexpected error does: a limit is never skipped silently).
 */
export function durableObjectRateLimits(namespace: DurableObjectNamespaceLike): RateLimitStore {
  return {
    async hit(key, windowMs) {
      const stub = namespace.get(namespace.idFromName(key) as never);
      const response = await stub.fetch('https://rate-limit.slotwise.internal/hit', { method: 'POST', body: JSON.stringify({ windowMs }) });
      if (!response.ok) throw new Error(`The rate-limit counter answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as RateLimitHit;
    },
  };
}
