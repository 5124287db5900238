import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  .zone {
    margin: 0 0 calc(0.75 * var(--_sw-u));
    font-size: calc(0.875 * var(--_sw-u));
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(calc(6 * var(--_sw-u)), 1fr));
    gap: calc(0.5 * var(--_sw-u));
  }

  li button {
    width: 100%;
  }

  .seats {
    display: block;
    font-size: calc(0.75 * var(--_sw-u));
    opacity: 0.8;
  }

  [aria-busy='true'] ul {
    opacity: 0.85;
  }
`;
