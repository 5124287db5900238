import { css } from 'lit';

/** Shared by the packages list, the package checkout and the credits bar, after `cardList` (the cards). */
export const styles = css`
  h3 {
    margin: 0 0 calc(0.5 * var(--_sw-u));
  }

  li {
    display: grid;
    gap: calc(0.35 * var(--_sw-u));
  }

  p {
    margin: 0;
  }

  li button {
    justify-self: start;
  }

  details {
    margin-top: calc(1 * var(--_sw-u));
  }

  summary {
    cursor: pointer;
    color: var(--_accent);
  }

  form {
    display: grid;
    gap: calc(0.35 * var(--_sw-u));
    margin-top: calc(0.5 * var(--_sw-u));
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_sw-u));
  }

  .row input {
    flex: 1 1 calc(12 * var(--_sw-u));
    min-width: 0;
  }

  .error {
    color: var(--_danger);
  }

  .error:empty {
    display: none;
  }
`;
