import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  .current {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: calc(0.25 * var(--_sw-u)) calc(0.75 * var(--_sw-u));
  }

  .panel {
    display: grid;
    gap: calc(0.375 * var(--_sw-u));
    margin-top: calc(0.75 * var(--_sw-u));
    max-width: calc(26 * var(--_sw-u));
  }
`;
