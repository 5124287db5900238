import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  .zone {
    margin: 0 0 0.75rem;
    font-size: 0.875rem;
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(6rem, 1fr));
    gap: 0.5rem;
  }

  li button {
    width: 100%;
  }

  .seats {
    display: block;
    font-size: 0.75rem;
    opacity: 0.8;
  }

  [aria-busy='true'] ul {
    opacity: 0.85;
  }
`;
