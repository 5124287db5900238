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
    gap: 0.5rem;
    align-items: end;
    margin-block-end: 1rem;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    font-size: 0.875rem;
  }
  input,
  select,
  button {
    font: inherit;
    padding: 0.5rem 0.75rem;
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
    padding: 0.5rem 0.75rem;
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
    gap: 0.75rem;
  }
  li {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.75rem;
    padding: 0.75rem;
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
    font-size: 1.05rem;
  }
  p {
    margin: 0.2rem 0;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .chips button {
    padding: 0.1rem 0.5rem;
    font-size: 0.8rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-block-start: 0.5rem;
  }
  .status {
    margin-block: 0.5rem;
  }
  .more {
    margin-block-start: 1rem;
  }
`;
