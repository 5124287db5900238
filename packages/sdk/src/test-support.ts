import { SlotwiseError } from './errors.js';

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

export interface SentRequest {
  url: string;
  method: string;
  headers: Headers;
  /** The body as text; null when none was sent. */
  body: string | null;
}

/** A `fetch` that answers `answer` (default `{}`) to everything and keeps what was sent. */
export function recordingFetch(answer: () => Response = () => Response.json({})) {
  const requests: SentRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push({ url: request.url, method: request.method, headers: request.headers, body: request.body ? await request.text() : null });
    return answer();
  };
  return { fetch, requests };
}
