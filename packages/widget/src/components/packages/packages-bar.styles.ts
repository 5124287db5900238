import { css } from 'lit';

/** The credits bar, what was bought and the spent-credit note, in `<slotwise-booking>`'s own shadow root. */
export const packagesBarStyles = css`
  .credits,
  .bought {
    display: grid;
    gap: 0.35rem;
    justify-items: start;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0.75rem 1rem;
  }

  .credits p,
  .bought p,
  .bought h3,
  .credit-used {
    margin: 0;
  }
`;
