import type { z } from 'zod';
import type { ProblemCode } from './problems.js';

/** One endpoint of the API: the server validates with these schemas and documents them. */
export interface RouteSpec {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI-style path, `{param}` for parameters. */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: { status: number; schema: z.ZodType; description: string };
  errors: ProblemCode[];
  /**
   * `manageToken`: `Authorization: Bearer <manage token>` of the booking;
   * `apiKey`: `Authorization: Bearer <secret API key or access token>` of a specialist;
   * `operator`: `Authorization: Bearer <access token>` of an operator;
   * `creditsToken`: `Authorization: Bearer <credits token>` of a package purchase.
   */
  auth?: 'manageToken' | 'apiKey' | 'operator' | 'creditsToken';
}

export const bodyErrors: ProblemCode[] = ['invalid_request', 'invalid_json', 'payload_too_large', 'unsupported_media_type'];
