import { html, nothing } from 'lit';
import { errorId, type FormErrors } from './form-errors.js';

/** The server's message for `field`, drawn next to it; the field points at it with `aria-describedby`. */
export function renderFieldError(errors: FormErrors, field: string) {
  const message = errors.fields[field];
  return message ? html`<p class="field-error" id=${errorId(field)}>${message}</p>` : nothing;
}

/** `aria-invalid` for a field: "true" when the server named it, else unset. */
export function invalid(errors: FormErrors, field: string): 'true' | typeof nothing {
  return errors.fields[field] ? 'true' : nothing;
}

/** `aria-describedby` for a field: its error's id when it has one. */
export function describedBy(errors: FormErrors, field: string): string | typeof nothing {
  return errors.fields[field] ? errorId(field) : nothing;
}

/** The form's error sentence when no field carries it (a conflict, the network). */
export function renderFormError(errors: FormErrors) {
  if (!errors.message) return nothing;
  const onFields = Object.keys(errors.fields).length > 0;
  return html`<p role="alert" class="form-error" tabindex="-1">${onFields ? 'Please check the fields marked below.' : errors.message}</p>`;
}
