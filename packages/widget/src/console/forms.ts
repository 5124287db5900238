import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { formErrors } from './ui/form-errors.js';

/** The server's field errors by field name without its `body.` prefix (`durations.0.price`). */
export type FieldErrors = Record<string, string>;

/** What a failed save says: a sentence for the form and the field errors to show beside fields. */
export interface SaveFailure {
  message: string;
  fields: FieldErrors;
}

/** Reads the problem document of a failed call; a field keeps its first message (`ui/form-errors.ts`). */
export function saveFailure(error: unknown): SaveFailure {
  const { message, fields } = formErrors(error);
  return { message, fields: { ...fields } };
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

export interface FieldOptions {
  /** The input's id; its error line is `<id>-error`, its hint `<id>-hint`. */
  id: string;
  /** The contract's field name (`durations.0.price`): the server's errors are matched by it. */
  name: string;
  label: string;
  value: string | number | null;
  failure: SaveFailure | undefined;
  type?: string;
  hint?: string;
  min?: number;
  required?: boolean;
}

/**
 * A labelled input named after its contract field, with an optional hint and the server's error
 * beside it (`aria-describedby` names both). `.value` is bound as a property, so a re-render with
 * the same value leaves what the user typed alone: a failed save keeps it.
 */
export function textField(o: FieldOptions): TemplateResult {
  const hintId = o.hint ? `${o.id}-hint` : undefined;
  const described = [hintId, describedBy(o.id, o.failure, o.name)].filter(Boolean).join(' ') || undefined;
  return html`<label for=${o.id}>${o.label}${o.hint ? html` <span class="hint" id=${hintId!}>${o.hint}</span>` : nothing}
    <input id=${o.id} name=${o.name} type=${o.type ?? 'text'} min=${ifDefined(o.min)} ?required=${o.required ?? false}
      .value=${o.value === null ? '' : String(o.value)} aria-invalid=${invalid(o.failure, o.name)} aria-describedby=${ifDefined(described)} />
    ${fieldError(o.id, o.failure, o.name)}</label>`;
}
