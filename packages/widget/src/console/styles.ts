import { css } from 'lit';

/**
 * What every console screen's forms, lists and dialogs share, on top of the widget's `tokens`
 * (so `--slotwise-*` properties and light/dark apply alike). Sized for 390 px first.
 */
export const consoleStyles = css`
  :host {
    display: block;
    --_danger-bg: color-mix(in srgb, var(--_danger) 12%, var(--_bg));
  }
  a {
    color: var(--_accent);
  }
  form,
  fieldset {
    display: grid;
    gap: 0.75rem;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    margin: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  label {
    display: grid;
    gap: 0.25rem;
    font-weight: 500;
  }
  label.inline {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem;
    min-width: 0;
    max-width: 100%;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.1rem;
    height: 1.1rem;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field-error,
  .error {
    color: var(--_danger);
    margin: 0;
    font-size: 0.9rem;
  }
  .error {
    background: var(--_danger-bg);
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9rem;
    margin: 0;
    font-weight: 400;
  }
  .row + section,
  section + section {
    margin-top: 1.5rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }
  .card {
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: 1rem;
  }
  ul.plain {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.5rem;
  }
  button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  dialog {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    max-width: min(28rem, calc(100vw - 2rem));
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  pre,
  code {
    font-family: ui-monospace, monospace;
    font-size: 0.85rem;
  }
  pre {
    white-space: pre-wrap;
    word-break: break-all;
    background: var(--_surface);
    padding: 0.75rem;
    border-radius: var(--_radius);
    margin: 0;
  }
`;
