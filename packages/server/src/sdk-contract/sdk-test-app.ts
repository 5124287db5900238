import { createClient, SlotwiseError, type SlotwiseClient } from '@slotwise/sdk';
import { testApp, type TestAppOptions } from '../testing/test-app.js';

export const baseURL = 'http://slotwise.test';

/**
 * `testApp()` — the real app on a real libSQL file, seeded with `demo` — and SDK clients that
 * reach it through `app.request` as their `fetch`: the SDK's calls against the server's routes,
 * so a drift between the contract, the client and the server breaks these tests.
 */
export async function sdkTestApp(options: TestAppOptions = {}) {
  const t = await testApp(options);
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => t.app.request(input as string, init);
  /** A client with these credentials (an API key or an access token), or none. */
  const as = (apiKey?: string): SlotwiseClient => createClient({ baseURL, fetch, ...(apiKey === undefined ? {} : { apiKey }) });
  return { ...t, fetch, as, visitor: as(), specialist: as(t.apiKey) };
}

export type SdkTestApp = Awaited<ReturnType<typeof sdkTestApp>>;

/** The SlotwiseError `promise` rejects with; fails the test if it resolves or rejects otherwise. */
export async function failure(promise: Promise<unknown>): Promise<SlotwiseError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SlotwiseError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
