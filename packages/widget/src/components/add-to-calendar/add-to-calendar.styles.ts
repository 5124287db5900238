import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  .add {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  .label {
    color: var(--_muted);
  }

  a {
    color: inherit;
    text-decoration: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: 0.375rem 0.75rem;
  }

  a:hover {
    border-color: var(--_accent);
  }
`;
