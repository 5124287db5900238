import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  section,
  form {
    display: grid;
    gap: 0.75rem;
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
    padding: 0.5rem 0.625rem;
  }

  h4 {
    margin: 0.5rem 0 0.25rem;
  }

  .error {
    color: var(--_danger);
    font-size: 0.875rem;
  }

  .bookings {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }

  .bookings li {
    display: grid;
    gap: 0.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    background: var(--_surface);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
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
