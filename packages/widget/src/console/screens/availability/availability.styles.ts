import { css } from 'lit';

export const availabilityStyles = css`
  section {
    display: grid;
    gap: 0.75rem;
    border-top: 1px solid var(--_border);
    padding-top: 1rem;
  }
  li.feed {
    display: grid;
    gap: 0.25rem;
  }
  .interval {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }
  .month {
    max-width: 24rem;
  }
  .month-head {
    justify-content: space-between;
    align-items: center;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(7, 1fr);
    gap: 0.25rem;
  }
  .grid button {
    padding: 0.4rem 0;
    min-width: 2.25rem;
  }
  .grid button.marked {
    border-width: 2px;
    border-color: var(--_accent);
    font-weight: 700;
  }
  .dow {
    text-align: center;
    color: var(--_muted);
    font-size: 0.85rem;
  }
  .slots-day {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
  }
`;
