import { css } from 'lit';

/** Shared by the packages list, the package checkout and the credits bar, after `cardList` (the cards). */
export const styles = css`
  h3 {
    margin: 0 0 0.5rem;
  }

  li {
    display: grid;
    gap: 0.35rem;
  }

  p {
    margin: 0;
  }

  li button {
    justify-self: start;
  }

  details {
    margin-top: 1rem;
  }

  summary {
    cursor: pointer;
    color: var(--_accent);
  }

  form {
    display: grid;
    gap: 0.35rem;
    margin-top: 0.5rem;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .row input {
    flex: 1 1 12rem;
    min-width: 0;
  }

  .error {
    color: var(--_danger);
  }

  .error:empty {
    display: none;
  }
`;
