import { css } from 'lit';

export const authStyles = css`
  .auth {
    max-width: 26rem;
    margin: 2rem auto;
    padding: 0 1rem;
    display: grid;
    gap: 1rem;
  }
  h1 {
    font-size: 1.5rem;
    margin: 0;
  }
`;

/** The recovery pages (forgot, reset, verify): a status line that stays empty until there is news. */
export const recoveryStyles = css`
  [role='status']:empty {
    display: none;
  }
`;
