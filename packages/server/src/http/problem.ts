import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { problemCodes, problemType, type Problem, type ProblemCode } from '@slotwise/sdk/contract';
import { ServiceError, type FieldText } from '../services/errors.js';
import type { Language, Text } from '../services/messages/index.js';
import { negotiateLanguage } from './accept-language.js';

/** A refusal that belongs to HTTP itself (authentication challenges, rate limits): it carries headers. */
export class HttpError extends ServiceError {
  readonly headers: Record<string, string>;

  constructor(code: ProblemCode, detail: Text, options: { errors?: FieldText[]; headers?: Record<string, string> } = {}) {
    super(code, detail, options);
    this.headers = options.headers ?? {};
  }
}

/** The HTTP status of a contract code. */
export const statusOf = (code: ProblemCode): number => problemCodes[code].status;

/**
 * The RFC 9457 document of `error`, its `detail` and field messages in `language`. The `code`,
 * `type` and `title` are the same in every language: they are what programs match on.
 */
export function toProblem(error: ServiceError, instance?: string, language: Language = 'en'): Problem {
  const errors = error.localizedErrors(language);
  return {
    type: problemType(error.code),
    title: problemCodes[error.code].title,
    status: statusOf(error.code),
    code: error.code,
    detail: error.localizedDetail(language),
    ...(instance ? { instance } : {}),
    ...(errors ? { errors } : {}),
  };
}

/** Every 401 says how to authenticate (RFC 9110 §11.6.1), unless the thrower said more precisely. */
function challenge(error: ServiceError): Record<string, string> {
  if (statusOf(error.code) !== 401) return {};
  if (error.code === 'token_expired') return { 'www-authenticate': 'Bearer realm="slotwise-api", error="invalid_token"' };
  return { 'www-authenticate': 'Bearer realm="slotwise-api"' };
}

/**
 * Answers `error` as an RFC 9457 document through the context, so headers set earlier in the
 * chain (CORS) are kept on error responses too. The only place a ServiceError becomes HTTP, and
 * so the only place it is written in the caller's language (`Accept-Language`, said back in
 * `Content-Language`; `Vary` tells caches the answer depends on it).
 */
export function problemResponse(c: Context, error: ServiceError): Response {
  const language = negotiateLanguage(c.req.header('accept-language'));
  // A thrower's own `Vary` (e.g. Origin) joins Accept-Language rather than replacing it or being replaced.
  const { vary, ...headers } = error instanceof HttpError ? error.headers : {};
  if (vary) c.header('vary', vary, { append: true });
  c.header('vary', 'Accept-Language', { append: true });
  return c.body(JSON.stringify(toProblem(error, c.req.path, language)), statusOf(error.code) as ContentfulStatusCode, {
    ...challenge(error),
    ...headers,
    'content-type': 'application/problem+json',
    'content-language': language,
  });
}
