import { css } from 'lit';

/** What the service cards add to `cardList`: the description and the duration buttons. */
export const styles = css`
  /* The cards themselves: styles/card-list.ts. */
  .description {
    margin: 0.25rem 0 0;
  }

  .durations {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-start: 0.5rem;
  }
`;
