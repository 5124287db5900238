import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    /*
     * The base is a size container (its schedule folds to one column when narrow), so the element
     * has no width of its own from its content: in a centred flex column, a flex row or any
     * shrink-to-fit box it would collapse to its padding. It takes the room a two-column schedule
     * wants, or all there is when there is less.
     */
    min-inline-size: min(100%, 40rem);
    background: var(--_bg);
    border-radius: var(--_radius);
    line-height: 1.45;
  }

  .base {
    container-type: inline-size;
    display: grid;
    gap: 1.25rem;
    padding: 1rem;
  }

  .status:empty {
    display: none;
  }

  .status,
  .bio {
    margin: 0;
  }

  [role='alert'] {
    margin: 0;
    color: var(--_danger);
  }

  .schedule {
    display: grid;
    gap: 1.25rem;
    grid-template-columns: minmax(16rem, 1fr) minmax(12rem, 1fr);
    align-items: start;
  }

  @container (max-width: 34rem) {
    .schedule {
      grid-template-columns: 1fr;
    }
  }

  .day {
    display: grid;
    gap: 0.75rem;
  }

  .day p {
    margin: 0;
  }
`;
