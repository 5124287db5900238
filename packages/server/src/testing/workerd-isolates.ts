import { Miniflare } from 'miniflare';
import { workerOptions } from './workerd.js';

export { buildWorker } from './workerd.js';

// The Workers entry in workerd itself, through Miniflare: built by the real build script (no
// `nodejs_compat`), then loaded as several Workers of one Miniflare — each its own V8 isolate with
// its own module state, as two isolates of one deployed Worker are — sharing what a deployment
// shares: the Cache API and, when asked, the `RateLimitCounter` Durable Object.


export interface Isolates {
  /** `fetch` of each isolate, in order. */
  isolates: ((url: string, init?: RequestInit) => Promise<Response>)[];
  miniflare: Miniflare;
  /** What the isolates logged (`console.log` lines, parsed when they are JSON). */
  logs: unknown[];
  dispose(): Promise<void>;
}

/**
 * `count` isolates of the Worker at `scriptPath` with text `bindings`; with `rateLimits`, each binds
 * `RATE_LIMITS` to the one `RateLimitCounter` namespace (declared by the first, as a deployment
 * declares it once).
 */
export async function startIsolates(scriptPath: string, bindings: Record<string, string>, options: { count?: number; rateLimits?: boolean } = {}): Promise<Isolates> {
  const names = Array.from({ length: options.count ?? 2 }, (_, i) => `isolate-${i}`);
  const logs: unknown[] = [];
  const miniflare = new Miniflare({
    handleStructuredLogs: ({ message }: { message: string }) => {
      try {
        logs.push(JSON.parse(message));
      } catch {
        logs.push(message);
      }
    },
    workers: names.map((name, i) => ({
      ...workerOptions(name, scriptPath, bindings),
      ...(options.rateLimits ? { durableObjects: { RATE_LIMITS: i === 0 ? 'RateLimitCounter' : { className: 'RateLimitCounter', scriptName: names[0]! } } } : {}),
    })),
  });
  await miniflare.ready;
  // Miniflare's own types lean on @cloudflare/workers-types, which this package does not install.
  type WorkerFetcher = { fetch(url: string, init?: RequestInit): Promise<Response> };
  const workers = (await Promise.all(names.map((name) => miniflare.getWorker(name)))) as unknown as WorkerFetcher[];
  return {
    isolates: workers.map((worker) => (url: string, init?: RequestInit) => worker.fetch(url, init)),
    miniflare,
    logs,
    dispose: () => miniflare.dispose(),
  };
}

/** The Cache API every isolate of `miniflare` shares (`caches.default`), from Node. */
export async function sharedCache(miniflare: Miniflare): Promise<{ match(url: string): Promise<Response | undefined>; put(url: string, response: unknown): Promise<void> }> {
  return ((await miniflare.getCaches()) as unknown as { default: Awaited<ReturnType<typeof sharedCache>> }).default;
}
