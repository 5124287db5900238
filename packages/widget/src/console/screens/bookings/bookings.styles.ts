import { css } from 'lit';

export const styles = css`
  .views,
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
    margin-bottom: 0.75rem;
  }

  .filters .note {
    flex-basis: 100%;
    margin: 0;
  }

  ul.bookings {
    list-style: none;
    margin: 0 0 1rem;
    padding: 0;
    display: grid;
    gap: 0.4rem;
  }

  a.booking {
    display: grid;
    /* Wide enough for "12:00 PM–12:30 PM" on one line. */
    grid-template-columns: 10.5rem 1fr auto;
    gap: 0.15rem 0.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    color: inherit;
    text-decoration: none;
    background: var(--_surface);
  }

  a.booking .what {
    grid-column: 2;
  }

  a.booking .status {
    grid-row: 1;
    grid-column: 3;
    font-size: 0.875rem;
  }

  a.booking.status-cancelled,
  a.booking.status-expired {
    border-inline-start-style: dashed;
  }

  a.booking.status-cancelled .who,
  a.booking.status-expired .who {
    text-decoration: line-through;
  }

  .week {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
    gap: 0.25rem;
  }

  .week .day {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.25rem;
    min-height: 6rem;
    display: grid;
    align-content: start;
    gap: 0.25rem;
  }

  .week .day.today {
    border-color: var(--_accent);
    border-width: 2px;
  }

  .week h4 {
    margin: 0;
    font-size: 0.875rem;
  }

  .week a.booking {
    grid-template-columns: 1fr;
    font-size: 0.8125rem;
    padding: 0.3rem;
  }

  .week a.booking .what,
  .week a.booking .status {
    grid-column: 1;
    grid-row: auto;
  }

  .week-nav {
    margin-top: 0.75rem;
  }

  /* On a phone the week is a list of days, one under the other. */
  @container (max-width: 40rem) {
    .week {
      grid-template-columns: 1fr;
    }

    .week .day {
      min-height: 0;
    }

    a.booking {
      grid-template-columns: 1fr auto;
    }

    a.booking .what {
      grid-column: 1 / -1;
    }

    a.booking .status {
      grid-column: 2;
    }
  }
`;
