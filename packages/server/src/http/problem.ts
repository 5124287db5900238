import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { problemCodes, problemType, type FieldError, type Problem, type ProblemCode } from '@slotwise/sdk/contract';

/** Thrown anywhere in a request; the app's error handler answers it as `application/problem+json`. */
export class ProblemError extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(code: ProblemCode, detail: string, options: { errors?: FieldError[]; headers?: Record<string, string> } = {}) {
    super(detail);
    this.code = code;
    this.status = problemCodes[code].status;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }

  toProblem(instance?: string): Problem {
    return {
      type: problemType(this.code),
      title: problemCodes[this.code].title,
      status: this.status,
      code: this.code,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

/**
 * Answers `error` as an RFC 9457 document through the context, so headers set earlier in the
 * chain (CORS) are kept on error responses too.
 */
export function problemResponse(c: Context, error: ProblemError): Response {
  return c.body(JSON.stringify(error.toProblem(c.req.path)), error.status as ContentfulStatusCode, {
    ...error.headers,
    'content-type': 'application/problem+json',
  });
}
