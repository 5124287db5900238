import { css } from 'lit';

/** The search panel's field and matches: part of the lazy search chunk, adopted by the picker when it loads. */
export const searchStyles = css`
  label {
    font-weight: 600;
  }

  .hint {
    margin: 0;
    font-size: calc(0.875 * var(--_sw-u));
    color: var(--_muted);
  }

  input {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(0.5 * var(--_sw-u)) calc(0.625 * var(--_sw-u));
  }

  input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }

  ul {
    list-style: none;
    margin: 0;
    padding: calc(0.25 * var(--_sw-u));
    max-height: calc(14 * var(--_sw-u));
    overflow-y: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }

  li {
    padding: calc(0.375 * var(--_sw-u)) calc(0.5 * var(--_sw-u));
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }

  li:hover,
  li[aria-selected='true'] {
    background: var(--_accent);
    color: var(--_accent-text);
  }
`;
