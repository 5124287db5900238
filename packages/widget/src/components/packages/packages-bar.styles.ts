import { css } from 'lit';

/** The credits bar, what was bought and the spent-credit note, in `<slotwise-booking>`'s own shadow root. */
export const packagesBarStyles = css`
  .credits,
  .bought {
    display: grid;
    gap: calc(0.35 * var(--_sw-u));
    justify-items: start;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: calc(0.75 * var(--_sw-u)) calc(1 * var(--_sw-u));
  }

  .credits p,
  .bought p,
  .bought h3,
  .credit-used {
    margin: 0;
  }
`;
