import { isSlotwiseError } from '@slotwise/sdk';
import { describeError } from '../../internal/errors.js';

/**
 * What a failed save tells a form: the server's field errors keyed by the field's path inside the
 * body (`body.serviceIds` → `serviceIds`, `body.durations.0.price` → `durations.0.price`), and a
 * sentence for everything else. Only the server's words are shown: the contract validated the
 * request, so its messages are the ones a person can act on.
 */
export interface FormErrors {
  readonly fields: Readonly<Record<string, string>>;
  readonly message: string;
}

export const noErrors: FormErrors = { fields: {}, message: '' };

export function formErrors(error: unknown): FormErrors {
  const fields: Record<string, string> = {};
  let first: string | undefined;
  if (isSlotwiseError(error)) {
    for (const { field, message } of error.problem.errors ?? []) {
      const key = field.replace(/^(body|query|params)\.?/, '');
      fields[key] ??= message;
      first ??= message;
    }
  }
  // The problem's detail names the field as the API does (`body.handle: A handle is …`), for an
  // integrator; a person reads the sentence itself, beside the field and in the form's alert.
  return { fields, message: first ?? describeError(error).message };
}

/**
 * Attributes for a field with a possible error: `aria-invalid` and `aria-describedby` pointing at
 * the element `renderFieldError` draws with the same id.
 */
export function errorId(field: string): string {
  return `error-${field.replace(/[^\w-]/g, '-')}`;
}

/**
 * Focuses the first invalid field (document order) inside `root`, so a keyboard user lands where
 * the fix is; falls back to the form's alert.
 */
export function focusFirstInvalid(root: ParentNode): void {
  const target = root.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root.querySelector<HTMLElement>('[role="alert"]');
  target?.focus();
}
