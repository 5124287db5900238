import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  form {
    display: grid;
    gap: 0.75rem;
  }

  .summary {
    margin: 0;
  }

  .field {
    display: grid;
    gap: 0.25rem;
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
    padding: 0.5rem 0.625rem;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger);
  }

  .error {
    color: var(--_danger);
    margin: 0;
    font-size: 0.875rem;
  }

  .choice {
    display: grid;
    gap: 0.375rem;
    margin: 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .choice label {
    display: flex;
    gap: 0.5rem;
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
    gap: 0.5rem;
  }

  .promo-row input {
    flex: 1;
    min-width: 0;
  }

  .muted {
    margin: 0;
    font-size: 0.875rem;
  }

  button[type='submit'] {
    justify-self: start;
  }
`;
