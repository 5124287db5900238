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

  /* The time axis: --hours rows of --hour each; sessions placed by --top/--height (fractions of the track). */
  .week-frame {
    --hour: 3.5rem;
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0.25rem;
  }

  .axis {
    display: grid;
    grid-template-rows: repeat(var(--hours), var(--hour));
    /* Below the day headings (padding + 2.5rem heading + gap + border). */
    margin-top: calc(3rem + 1px);
    font-size: 0.75rem;
    color: var(--_muted);
  }

  .week {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
    gap: 0.25rem;
  }

  .week .track {
    position: relative;
    height: calc(var(--hours) * var(--hour));
    background: repeating-linear-gradient(to bottom, var(--_border) 0 1px, transparent 1px var(--hour));
  }

  .week .track a.booking {
    position: absolute;
    box-sizing: border-box;
    top: var(--top);
    height: var(--height);
    min-height: 1.75rem;
    left: calc(var(--lane) * 100% / var(--lanes));
    width: calc(100% / var(--lanes));
    overflow: hidden;
  }

  /* A short block shows all its text while it has the pointer or the focus. */
  .week .track a.booking:hover,
  .week .track a.booking:focus-visible {
    z-index: 1;
    height: auto;
    min-height: var(--height);
    overflow: visible;
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

  /* The weekday over the date: two short lines fit a seventh of a narrow screen, one long one did not. */
  .week h4 {
    margin: 0;
    font-size: 0.875rem;
    height: 2.5rem;
    line-height: 1.25rem;
    overflow: hidden;
  }

  .week h4 span {
    display: block;
    white-space: nowrap;
  }

  .week .track > p.muted {
    margin: 0.25rem 0;
    font-size: 0.75rem;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
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
    .week-frame,
    .week {
      grid-template-columns: 1fr;
    }

    .axis {
      display: none;
    }

    .week .track {
      height: auto;
      background: none;
      display: grid;
      gap: 0.25rem;
    }

    .week .track a.booking {
      position: static;
      width: auto;
      height: auto;
      min-height: 0;
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

  /* A way on that reads as a link in a sentence. */
  button.link {
    font: inherit;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }
`;
