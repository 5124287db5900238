import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  section {
    display: grid;
    gap: 0.75rem;
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 1rem 1.25rem;
    background: var(--_surface);
  }

  h3,
  p {
    margin: 0;
  }

  .when {
    font-size: 1.125rem;
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
    gap: 0.5rem;
    border-top: 1px solid var(--_border);
    padding-block-start: 0.75rem;
  }

  .reschedule-panel {
    display: grid;
    gap: 0.75rem;
    border-top: 1px solid var(--_border);
    padding-block-start: 0.75rem;
  }

  h4 {
    margin: 0;
  }

  .schedule {
    display: grid;
    gap: 1rem;
    grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
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
    padding: 0.5rem;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
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
    gap: 0.5rem;
    border-top: 1px solid var(--_border);
    padding-block-start: 0.75rem;
  }

  .join-button {
    justify-self: start;
    display: inline-block;
    padding: 0.75rem 1.75rem;
    border-radius: var(--_radius);
    background: var(--slotwise-join-background, var(--_accent));
    color: var(--slotwise-join-text, var(--_accent-text));
    font-size: 1.125rem;
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
