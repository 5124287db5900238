import type { FieldError, ProblemCode } from '@slotwise/sdk/contract';
import { render, t, type Language, type Text } from './messages/index.js';

/** A field at fault, its message a sentence or a message of the catalogs (`services/messages/`). */
export interface FieldText {
  field: string;
  message: Text;
}

/**
 * What a use-case throws when it refuses: a stable `code` from the contract, a sentence a person
 * can act on, and the fields at fault. It knows nothing of HTTP — the app's error handler alone
 * turns it into a problem document (status, headers, the request's language) — so a scheduler
 * tick, an edge cron handler or a CLI can call services and read `code`.
 *
 * The detail is a message of the catalogs (`t('too_many_holds', { n })`), so the edge can write
 * it in the caller's language; `message` is always its English. A plain string is kept as it is
 * in every language (the fallback; `messages/catalogs.test.ts` lists the throws that do it).
 */
export class ServiceError extends Error {
  readonly code: ProblemCode;
  readonly detail: Text;
  readonly fields: FieldText[] | undefined;

  constructor(code: ProblemCode, detail: Text, options: { errors?: FieldText[]; cause?: unknown } = {}) {
    super(render(detail), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ServiceError';
    this.code = code;
    this.detail = detail;
    this.fields = options.errors;
  }

  /** The fields at fault with their messages in English (what `errors` of the problem document says by default). */
  get errors(): FieldError[] | undefined {
    return this.localizedErrors('en');
  }

  /** The detail in `language`. */
  localizedDetail(language: Language): string {
    return render(this.detail, language);
  }

  /** The fields at fault with their messages in `language`. */
  localizedErrors(language: Language): FieldError[] | undefined {
    return this.fields?.map((f) => ({ field: f.field, message: render(f.message, language) }));
  }
}

/** Whether `error` is a ServiceError, with `code` when given. */
export function isServiceError(error: unknown, code?: ProblemCode): error is ServiceError {
  return error instanceof ServiceError && (code === undefined || error.code === code);
}

/**
 * Every try of a guarded batch (`db/batch.ts` `optimistic`) refused: other writers kept changing
 * what the change was computed from. `503 write_contention`; nothing was written.
 */
export const writeContention = (): ServiceError => new ServiceError('write_contention', t('write_contention'));
