import type { z } from 'zod';
import type { Operation } from './operations.js';
import type { ProblemCode } from './problems.js';

interface RouteDetails {
  summary: string;
  tag: string;
  params?: z.ZodObject;
  response: { status: number; schema: z.ZodType; description: string };
  errors: ProblemCode[];
}

/**
 * One endpoint of the API: its operation (method, path, auth, kind of input — from `operations`)
 * with the schemas the server validates with and documents. A `body` schema goes with
 * `input: 'body'` and a `query` schema with `input: 'query'`, so the client, which knows only the
 * operation, puts its argument where the server reads it.
 */
export type RouteSpec = Operation &
  RouteDetails &
  (
    | { input?: undefined; body?: undefined; query?: undefined }
    | { input: 'body'; body: z.ZodType; query?: undefined }
    | { input: 'query'; query: z.ZodObject; body?: undefined }
  );

export const bodyErrors: ProblemCode[] = ['invalid_request', 'invalid_json', 'payload_too_large', 'unsupported_media_type'];
