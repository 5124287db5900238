import { isSlotwiseError } from '@slotwise/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { describeError } from '../internal/errors.js';

/** The server's field errors by field name without its `body.` prefix (`durations.0.price`). */
export type FieldErrors = Record<string, string>;

/** What a failed save says: a sentence for the form and the field errors to show beside fields. */
export interface SaveFailure {
  message: string;
  fields: FieldErrors;
}

/** Reads the problem document of a failed call; a field keeps its first message. */
export function saveFailure(error: unknown): SaveFailure {
  const fields: FieldErrors = {};
  if (isSlotwiseError(error)) {
    for (const { field, message } of error.problem.errors ?? []) {
      const name = field.replace(/^(body|query)\./, '');
      fields[name] ??= message;
    }
  }
  return { message: describeError(error).message, fields };
}

/** The `aria-invalid` value of the input for field `name`. */
export function invalid(failure: SaveFailure | undefined, name: string): 'true' | 'false' {
  return failure?.fields[name] !== undefined ? 'true' : 'false';
}

/** The `aria-describedby` of input `id` for field `name`: its error line when it has one (use with `ifDefined`). */
export function describedBy(id: string, failure: SaveFailure | undefined, name: string): string | undefined {
  return failure?.fields[name] !== undefined ? `${id}-error` : undefined;
}

/** The error line beside an input; its id is `<id>-error`, which the input names in `aria-describedby`. */
export function fieldError(id: string, failure: SaveFailure | undefined, name: string): TemplateResult | typeof nothing {
  const message = failure?.fields[name];
  return message === undefined ? nothing : html`<p class="field-error" id="${id}-error">${message}</p>`;
}

/** Moves focus to the first invalid field in `root` (after a render), else to the form's alert. */
export function focusFirstInvalid(root: ParentNode): void {
  const target = root.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root.querySelector<HTMLElement>('[role="alert"]');
  target?.focus();
}
