import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  section {
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 1rem 1.25rem;
    background: var(--_surface);
  }

  p {
    margin: 0 0 0.5rem;
  }

  .when {
    font-size: 1.125rem;
    font-weight: 600;
  }

  button {
    margin-block-start: 0.5rem;
  }

  section.next {
    border: none;
    border-top: 1px solid var(--_border);
    border-radius: 0;
    padding: 0.75rem 0 0;
    margin-top: 0.75rem;
    background: none;
  }

  .next h4 {
    margin: 0 0 0.375rem;
    font-size: 0.9375rem;
  }

  .next ul {
    margin: 0 0 0.5rem;
    padding-inline-start: 1.25rem;
  }

  .manage {
    display: grid;
    gap: 0.25rem;
  }

  a {
    color: var(--_accent);
  }
`;
