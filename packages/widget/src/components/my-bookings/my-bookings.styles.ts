import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  section,
  form {
    display: grid;
    gap: calc(0.75 * var(--_sw-u));
  }

  p {
    margin: 0;
  }

  input {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(0.5 * var(--_sw-u)) calc(0.625 * var(--_sw-u));
  }

  h4 {
    margin: calc(0.5 * var(--_sw-u)) 0 calc(0.25 * var(--_sw-u));
  }

  .error {
    color: var(--_danger);
    font-size: calc(0.875 * var(--_sw-u));
  }

  .bookings {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(0.75 * var(--_sw-u));
  }

  .bookings li {
    display: grid;
    gap: calc(0.25 * var(--_sw-u));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(0.75 * var(--_sw-u));
    background: var(--_surface);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_sw-u)) calc(1 * var(--_sw-u));
    align-items: center;
  }

  .label {
    font-weight: 600;
  }

  .notes {
    white-space: pre-wrap;
  }

  a {
    color: var(--_accent);
  }
`;
