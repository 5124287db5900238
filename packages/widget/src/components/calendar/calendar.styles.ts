import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-block-end: 0.5rem;
  }

  .header h3 {
    margin: 0;
    text-align: center;
    flex: 1;
  }

  .header button {
    min-width: 2.5rem;
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
    padding-block-end: 0.25rem;
  }

  td {
    padding: 2px;
    text-align: center;
  }

  td button {
    width: 100%;
    aspect-ratio: 1;
    max-width: 2.75rem;
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
