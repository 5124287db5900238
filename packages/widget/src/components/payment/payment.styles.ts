import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  section {
    display: grid;
    gap: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1rem 1.25rem;
    background: var(--_surface);
  }

  p {
    margin: 0;
  }

  .amount {
    font-size: 1.125rem;
  }

  .countdown strong {
    font-variant-numeric: tabular-nums;
  }

  .test-panel {
    display: grid;
    gap: 0.75rem;
    border: 2px dashed var(--_danger);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    background: var(--_bg);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  /* Stripe's form lives in the page's light DOM and is shown here through the slot. */
  ::slotted(*) {
    display: block;
  }

  .element {
    min-height: 1rem;
  }

  .error {
    color: var(--_danger);
  }

  button.primary,
  .pending button,
  .released button {
    justify-self: start;
  }

  .pending,
  .released {
    display: grid;
    gap: 0.5rem;
  }
`;
