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
    /* The containing block of what is positioned inside (a visually hidden label): else it sits
       outside the scroller and widens the page by the table's overflow. */
    position: relative;
  }

  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9375rem;
    /* Words stay whole in a table (a page may set overflow-wrap: anywhere, as the console's own does):
       a narrow screen scrolls the table sideways in .table-wrap instead of breaking "Sessions" letter by letter. */
    overflow-wrap: normal;
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

  /* A checkbox or radio beside its words, not on a line of its own above them; wrapped lines hang
     under the words, not under the box. */
  label.check {
    display: block;
    font-weight: 400;
    padding-inline-start: 1.75em;
    text-indent: -1.75em;
  }

  label.check > input {
    margin-inline: 0 0.5em;
    width: 1.25em;
    text-indent: 0;
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
    /* A <pre> keeps its lines: wrapped here, or the snippet widens the whole page on a phone. */
    white-space: pre-wrap;
    background: var(--_surface);
    padding: 0.5rem;
    border-radius: var(--_radius);
  }

  .note {
    font-size: 0.875rem;
    color: var(--_muted);
  }
`;
