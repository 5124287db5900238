import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    font-family: var(--slotwise-font-family, system-ui, sans-serif);
    color: var(--slotwise-color-text, #1a1a1a);
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_sw-u));
    align-items: end;
    margin-block-end: calc(1 * var(--_sw-u));
  }
  label {
    display: flex;
    flex-direction: column;
    gap: calc(0.25 * var(--_sw-u));
    font-size: calc(0.875 * var(--_sw-u));
  }
  input,
  select,
  button {
    font: inherit;
    padding: calc(0.5 * var(--_sw-u)) calc(0.75 * var(--_sw-u));
    border: 1px solid var(--slotwise-color-border, #767676);
    border-radius: var(--slotwise-radius, 6px);
    background: var(--slotwise-color-surface, #fff);
    color: inherit;
  }
  button,
  a.book {
    cursor: pointer;
  }
  .primary,
  a.book {
    background: var(--slotwise-color-primary, #0b57d0);
    border-color: var(--slotwise-color-primary, #0b57d0);
    color: var(--slotwise-color-on-primary, #fff);
    text-decoration: none;
    padding: calc(0.5 * var(--_sw-u)) calc(0.75 * var(--_sw-u));
    border-radius: var(--slotwise-radius, 6px);
  }
  :focus-visible {
    outline: 3px solid var(--slotwise-color-focus, #0b57d0);
    outline-offset: 2px;
  }
  ul {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: calc(0.75 * var(--_sw-u));
  }
  li {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: calc(0.75 * var(--_sw-u));
    padding: calc(0.75 * var(--_sw-u));
    border: 1px solid var(--slotwise-color-border, #d0d0d0);
    border-radius: var(--slotwise-radius, 6px);
  }
  img {
    width: 64px;
    height: 64px;
    border-radius: 50%;
    object-fit: cover;
  }
  h3 {
    margin: 0;
    font-size: calc(1.05 * var(--_sw-u));
  }
  p {
    margin: calc(0.2 * var(--_sw-u)) 0;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_sw-u));
  }
  .chips button {
    padding: calc(0.1 * var(--_sw-u)) calc(0.5 * var(--_sw-u));
    font-size: calc(0.8 * var(--_sw-u));
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_sw-u));
    align-items: center;
    margin-block-start: calc(0.5 * var(--_sw-u));
  }
  .status {
    margin-block: calc(0.5 * var(--_sw-u));
  }
  .more {
    margin-block-start: calc(1 * var(--_sw-u));
  }
`;
