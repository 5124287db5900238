import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
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
