import { css } from 'lit';

/**
 * What every console screen of this part shares on top of `tokens`: headings, tables that scroll
 * sideways on a phone instead of squeezing, forms with their errors, and the confirm dialog.
 */
export const screenStyles = css`
  :host {
    display: block;
    /* A screen made of parts (each its own element: API keys, origins…) spaces them like sections. */
    margin-block-end: 1.5rem;
    container-type: inline-size;
    color: var(--_text);
    background: var(--_bg);
  }

  section + section {
    margin-top: 1.5rem;
  }

  .table-wrap {
    overflow-x: auto;
  }

  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9375rem;
  }

  th,
  td {
    text-align: start;
    padding: 0.4rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }

  td.num,
  th.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  form {
    display: grid;
    gap: 0.75rem;
    max-width: 36rem;
  }

  label {
    display: grid;
    gap: 0.25rem;
    font-weight: 500;
  }

  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  input,
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.45rem 0.5rem;
    min-width: 0;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger);
  }

  .field-error,
  .form-error {
    color: var(--_danger);
    margin: 0;
    font-size: 0.875rem;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }

  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_bg);
  }

  dialog {
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    max-width: min(32rem, 90vw);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }

  .secret {
    font-family: ui-monospace, monospace;
    word-break: break-all;
    background: var(--_surface);
    padding: 0.5rem;
    border-radius: var(--_radius);
  }

  .note {
    font-size: 0.875rem;
    color: var(--_muted);
  }
`;
