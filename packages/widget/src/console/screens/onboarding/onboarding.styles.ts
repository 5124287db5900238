import { css } from 'lit';

export const onboardingStyles = css`
  .steps {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 1rem;
  }
  .steps > li {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1rem;
    display: grid;
    gap: 0.75rem;
  }
  .steps h2 {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    font-size: 1.1rem;
    margin: 0;
  }
  .badge {
    font-size: 0.8rem;
    font-weight: 600;
    padding: 0.1rem 0.5rem;
    border-radius: 999px;
    border: 1px solid var(--_border);
  }
  .badge.done {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  .days {
    display: grid;
    gap: 0.5rem;
  }
  .day {
    display: grid;
    grid-template-columns: minmax(7rem, 1fr) auto auto;
    gap: 0.5rem;
    align-items: center;
  }
  /* A day of several intervals has no checkbox: its name lines up with the others' names. */
  .day.several > span:first-child {
    padding-inline-start: 2rem;
  }
  .preview {
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: 1rem;
  }
`;
