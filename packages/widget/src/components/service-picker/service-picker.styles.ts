import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }

  li {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    background: var(--_surface);
  }

  .name {
    font-weight: 600;
    margin: 0;
  }

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
