import type { FieldError, ProblemCode } from '@slotwise/sdk/contract';

/**
 * What a use-case throws when it refuses: a stable `code` from the contract, a sentence a person
 * can act on, and the fields at fault. It knows nothing of HTTP — the app's error handler alone
 * turns it into a problem document (status, headers) — so a scheduler tick, an edge cron handler
 * or a CLI can call services and read `code`.
 */
export class ServiceError extends Error {
  readonly code: ProblemCode;
  readonly errors: FieldError[] | undefined;

  constructor(code: ProblemCode, detail: string, options: { errors?: FieldError[]; cause?: unknown } = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ServiceError';
    this.code = code;
    this.errors = options.errors;
  }
}

/** Whether `error` is a ServiceError, with `code` when given. */
export function isServiceError(error: unknown, code?: ProblemCode): error is ServiceError {
  return error instanceof ServiceError && (code === undefined || error.code === code);
}
