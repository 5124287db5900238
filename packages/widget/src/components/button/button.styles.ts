import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
  }

  /* Logical properties: the end corner is the left one in a right-to-left page. */
  /* In the top layer as a manual popover (button.component.ts): the browser's popover box undone. */
  :host([floating]) {
    position: fixed;
    inset: auto;
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
    color: inherit;
    overflow: visible;
    inset-block-end: max(calc(1 * var(--_sw-u)), env(safe-area-inset-bottom));
    inset-inline-end: max(calc(1 * var(--_sw-u)), env(safe-area-inset-right));
    z-index: 2147483000;
  }

  button {
    min-block-size: calc(2.75 * var(--_sw-u));
    padding: calc(0.625 * var(--_sw-u)) calc(1.125 * var(--_sw-u));
    font-weight: 600;
    color: var(--_accent-text);
    background: var(--_accent);
    border-color: var(--_accent);
  }

  :host([floating]) button {
    border-radius: 999px;
    box-shadow: 0 calc(0.25 * var(--_sw-u)) calc(1 * var(--_sw-u)) rgb(0 0 0 / 0.25);
  }

  button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 3px;
  }
`;
