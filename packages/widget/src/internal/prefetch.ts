import type { Specialist } from '@slotwise/sdk/contract';

/**
 * Profiles the script-tag loader (`dist/slotwise.js`, written by `scripts/loader.mjs`) started
 * fetching while the widget's modules were still on their way, by URL. The loader finds each
 * `<slotwise-booking specialist>` already in the page and asks for exactly what the widget will
 * ask for (`profileUrl`), so the profile and the modules load in parallel instead of one after
 * the other. The loader's copy of `profileUrl` must build the same URL: `slotwise.test.ts`
 * fails when the widget asks a second time.
 */
declare global {
  interface Window {
    /** The loader's requests by URL: each the parsed body of a success, undefined otherwise. */
    __slotwisePrefetch?: Record<string, Promise<unknown>>;
  }
}

/** The profile request's URL, with the query in the order the loader writes it. */
export function profileUrl(baseURL: string, handle: string, query: { service?: string | undefined; duration?: number | undefined; timeZone?: string | undefined }): string {
  let url = `${baseURL.replace(/\/+$/, '')}/v1/specialists/${encodeURIComponent(handle)}?include=slots`;
  if (query.service) url += `&service=${encodeURIComponent(query.service)}`;
  if (query.duration) url += `&duration=${query.duration}`;
  if (query.timeZone) url += `&timezone=${encodeURIComponent(query.timeZone)}`;
  return url;
}

/**
 * The profile the loader prefetched from `url`, once (a reload asks the API itself); undefined
 * when there is none or it failed — the caller then asks through the client, which reports errors
 * as problems.
 */
export async function takePrefetched(url: string): Promise<Specialist | undefined> {
  const pending = globalThis.window?.__slotwisePrefetch?.[url];
  if (!pending) return undefined;
  delete window.__slotwisePrefetch![url];
  try {
    return ((await pending) ?? undefined) as Specialist | undefined;
  } catch {
    return undefined;
  }
}
