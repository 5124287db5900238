import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  .add {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(0.5 * var(--_sw-u));
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
    padding: calc(0.375 * var(--_sw-u)) calc(0.75 * var(--_sw-u));
  }

  a:hover {
    border-color: var(--_accent);
  }
`;
