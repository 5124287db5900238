import { css } from 'lit';

/** The search panel's field and matches: part of the lazy search chunk, adopted by the picker when it loads. */
export const searchStyles = css`
  label {
    font-weight: 600;
  }

  .hint {
    margin: 0;
    font-size: 0.875rem;
    color: var(--_muted);
  }

  input {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.625rem;
  }

  input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0.25rem;
    max-height: 14rem;
    overflow-y: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }

  li {
    padding: 0.375rem 0.5rem;
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }

  li:hover,
  li[aria-selected='true'] {
    background: var(--_accent);
    color: var(--_accent-text);
  }
`;
