import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: calc(0.5 * var(--_sw-u));
    margin-block-end: calc(0.5 * var(--_sw-u));
  }

  .header h3 {
    margin: 0;
    text-align: center;
    flex: 1;
  }

  .header button {
    min-width: calc(2.5 * var(--_sw-u));
  }

  table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }

  /* Weekday names in the body's size and weight: see \`tokens\` on the first frame's fonts. */
  th {
    font-weight: normal;
    color: var(--_muted);
    padding-block-end: calc(0.25 * var(--_sw-u));
  }

  td {
    padding: 2px;
    text-align: center;
  }

  td button {
    width: 100%;
    aspect-ratio: 1;
    max-width: calc(2.75 * var(--_sw-u));
    padding: 0;
  }

  td button:disabled {
    border-color: transparent;
    background: transparent;
  }

  td button:not(:disabled):not([aria-pressed='true']) {
    font-weight: bold;
    border-color: var(--_accent);
  }

  [aria-busy='true'] tbody {
    opacity: 0.85;
  }
`;
