import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  section {
    display: grid;
    gap: calc(0.75 * var(--_sw-u));
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    padding: calc(1 * var(--_sw-u)) calc(1.25 * var(--_sw-u));
    background: var(--_surface);
  }

  h3,
  p {
    margin: 0;
  }

  .when {
    font-size: calc(1.125 * var(--_sw-u));
    font-weight: 600;
  }

  .muted {
    color: var(--_muted);
  }

  [role='alert'] {
    color: var(--_danger);
  }

  .booking-status[data-status='cancelled'] .label,
  .booking-status[data-status='expired'] .label {
    color: var(--_danger);
    font-weight: 600;
  }

  .cancel-panel {
    display: grid;
    gap: calc(0.5 * var(--_sw-u));
    border-top: 1px solid var(--_border);
    padding-block-start: calc(0.75 * var(--_sw-u));
  }

  .reschedule-panel {
    display: grid;
    gap: calc(0.75 * var(--_sw-u));
    border-top: 1px solid var(--_border);
    padding-block-start: calc(0.75 * var(--_sw-u));
  }

  h4 {
    margin: 0;
  }

  .schedule {
    display: grid;
    gap: calc(1 * var(--_sw-u));
    grid-template-columns: repeat(auto-fit, minmax(calc(15 * var(--_sw-u)), 1fr));
    align-items: start;
  }

  .quote {
    font-weight: 600;
  }

  textarea {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(0.5 * var(--_sw-u));
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_sw-u));
  }

  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: #ffffff;
  }

  a {
    color: var(--_accent);
  }

  .join,
  .follow-up {
    display: grid;
    gap: calc(0.5 * var(--_sw-u));
    border-top: 1px solid var(--_border);
    padding-block-start: calc(0.75 * var(--_sw-u));
  }

  .join-button {
    justify-self: start;
    display: inline-block;
    padding: calc(0.75 * var(--_sw-u)) calc(1.75 * var(--_sw-u));
    border-radius: var(--_radius);
    background: var(--slotwise-join-background, var(--_accent));
    color: var(--slotwise-join-text, var(--_accent-text));
    font-size: calc(1.125 * var(--_sw-u));
    font-weight: 600;
    text-decoration: none;
  }

  .join-button:hover {
    filter: brightness(1.1);
  }

  .address,
  .notes {
    white-space: pre-line;
  }
`;
