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
    min-inline-size: min(100%, calc(40 * var(--_sw-u)));
    background: var(--_bg);
    border-radius: var(--_radius);
    line-height: 1.45;
  }

  .base {
    container-type: inline-size;
    display: grid;
    gap: calc(1.25 * var(--_sw-u));
    padding: calc(1 * var(--_sw-u));
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
    gap: calc(1.25 * var(--_sw-u));
    grid-template-columns: minmax(calc(16 * var(--_sw-u)), 1fr) minmax(calc(12 * var(--_sw-u)), 1fr);
    align-items: start;
  }

  @container (max-width: 34em) {
    .schedule {
      grid-template-columns: 1fr;
    }
  }

  .day {
    display: grid;
    gap: calc(0.75 * var(--_sw-u));
  }

  .day p {
    margin: 0;
  }
`;
