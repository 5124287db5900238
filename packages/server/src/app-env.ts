import type { SpecialistRow } from './db/schema.js';
import type { Encoder } from './http/middleware/compress/encoder.js';
import type { RateLimitStore } from './http/middleware/rate-limit/store.js';
import type { Principal } from './services/accounts/principals.js';
import type { ServiceDeps } from './services/deps.js';

/** Everything the app needs from the outside world: the services' dependencies and HTTP's own. */
export interface AppDeps extends ServiceDeps {
  /** Whether per-client rate limits apply. @default true */
  rateLimits: boolean;
  /**
   * Where rate limits count when every process or isolate must share the count (the edge's
   * Durable Object). @default each limit's own memory, per process
   */
  rateLimitStore?: RateLimitStore;
  /** Read the client's address from `x-forwarded-for` (only behind a proxy you run). @default false */
  trustProxy: boolean;
  /** How answers and the widget's files are compressed (`node:zlib` on Node). @default gzip via `CompressionStream` */
  encoder: Encoder;
}

export type { Principal };

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    /** The specialist an API key or access token authenticated, on `/v1/me/*`. */
    specialist: SpecialistRow;
    /** The credentials behind the request, on `/v1/me/*` and `/v1/operator/*`. */
    principal: Principal;
    /** This request's id, sent back as `x-request-id` and written in its log line. */
    requestId: string;
  };
}
