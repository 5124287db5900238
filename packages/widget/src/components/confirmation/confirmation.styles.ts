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
`;
