import { css } from 'lit';

/** What the service cards add to `cardList`: the description and the duration buttons. */
export const styles = css`
  /* The cards themselves: styles/card-list.ts. */
  .description {
    margin: calc(0.25 * var(--_sw-u)) 0 0;
  }

  .durations {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_sw-u));
    margin-block-start: calc(0.5 * var(--_sw-u));
  }
`;
