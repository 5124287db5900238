import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  section {
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    padding: calc(1 * var(--_sw-u)) calc(1.25 * var(--_sw-u));
    background: var(--_surface);
  }

  p {
    margin: 0 0 calc(0.5 * var(--_sw-u));
  }

  .when {
    font-size: calc(1.125 * var(--_sw-u));
    font-weight: 600;
  }

  button {
    margin-block-start: calc(0.5 * var(--_sw-u));
  }

  section.next {
    border: none;
    border-top: 1px solid var(--_border);
    border-radius: 0;
    padding: calc(0.75 * var(--_sw-u)) 0 0;
    margin-top: calc(0.75 * var(--_sw-u));
    background: none;
  }

  .next h4 {
    margin: 0 0 calc(0.375 * var(--_sw-u));
    font-size: calc(0.9375 * var(--_sw-u));
  }

  .next ul {
    margin: 0 0 calc(0.5 * var(--_sw-u));
    padding-inline-start: calc(1.25 * var(--_sw-u));
  }

  .manage {
    display: grid;
    gap: calc(0.25 * var(--_sw-u));
  }

  a {
    color: var(--_accent);
  }
`;
