import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  section {
    display: grid;
    gap: calc(0.75 * var(--_sw-u));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(1 * var(--_sw-u)) calc(1.25 * var(--_sw-u));
    background: var(--_surface);
  }

  p {
    margin: 0;
  }

  .amount {
    font-size: calc(1.125 * var(--_sw-u));
  }

  .countdown strong {
    font-variant-numeric: tabular-nums;
  }

  .test-panel {
    display: grid;
    gap: calc(0.75 * var(--_sw-u));
    border: 2px dashed var(--_danger);
    border-radius: var(--_radius);
    padding: calc(0.75 * var(--_sw-u)) calc(1 * var(--_sw-u));
    background: var(--_bg);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_sw-u));
  }

  /* Stripe's form lives in the page's light DOM and is shown here through the slot. */
  ::slotted(*) {
    display: block;
  }

  .element {
    min-height: calc(1 * var(--_sw-u));
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
    gap: calc(0.5 * var(--_sw-u));
  }
`;
