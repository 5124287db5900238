import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  form {
    display: grid;
    gap: calc(0.75 * var(--_sw-u));
  }

  .summary {
    margin: 0;
  }

  .field {
    display: grid;
    gap: calc(0.25 * var(--_sw-u));
  }

  label {
    font-weight: 500;
  }

  input,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(0.5 * var(--_sw-u)) calc(0.625 * var(--_sw-u));
  }

  [aria-invalid='true'] {
    border-color: var(--_danger);
  }

  .error {
    color: var(--_danger);
    margin: 0;
    font-size: calc(0.875 * var(--_sw-u));
  }

  .choice {
    display: grid;
    gap: calc(0.375 * var(--_sw-u));
    margin: 0;
    padding: calc(0.5 * var(--_sw-u)) calc(0.75 * var(--_sw-u));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .choice label {
    display: flex;
    gap: calc(0.5 * var(--_sw-u));
    align-items: center;
    font-weight: 400;
  }

  .link {
    justify-self: start;
    font: inherit;
    color: var(--_accent);
    background: none;
    border: 0;
    padding: 0;
    text-decoration: underline;
    cursor: pointer;
  }

  .promo-row {
    display: flex;
    gap: calc(0.5 * var(--_sw-u));
  }

  .promo-row input {
    flex: 1;
    min-width: 0;
  }

  .muted {
    margin: 0;
    font-size: calc(0.875 * var(--_sw-u));
  }

  button[type='submit'] {
    justify-self: start;
  }
`;
