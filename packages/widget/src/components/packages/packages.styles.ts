import { css } from 'lit';

/** Shared by the packages list, the package checkout and the credits bar. */
export const styles = css`
  :host {
    display: block;
  }

  h3 {
    margin: 0 0 0.5rem;
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }

  li {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    background: var(--_surface);
    display: grid;
    gap: 0.35rem;
  }

  p {
    margin: 0;
  }

  .name {
    font-weight: 600;
  }

  li button {
    justify-self: start;
  }

  details {
    margin-top: 1rem;
  }

  summary {
    cursor: pointer;
    color: var(--_accent);
  }

  form {
    display: grid;
    gap: 0.35rem;
    margin-top: 0.5rem;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .row input {
    flex: 1 1 12rem;
    min-width: 0;
  }

  .error {
    color: var(--_danger);
  }

  .error:empty {
    display: none;
  }
`;
