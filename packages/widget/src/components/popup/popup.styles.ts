import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }

  dialog {
    box-sizing: border-box;
    inline-size: min(calc(60 * var(--_sw-u)), calc(100vw - calc(2 * var(--_sw-u))));
    max-inline-size: none;
    max-block-size: calc(100dvh - calc(2 * var(--_sw-u)));
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font-family: var(--_font);
    overflow: auto;
    overscroll-behavior: contain;
  }

  dialog::backdrop {
    background: rgb(10 12 16 / 0.55);
  }

  .bar {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: calc(1 * var(--_sw-u));
    padding: calc(0.75 * var(--_sw-u)) calc(1 * var(--_sw-u));
    background: var(--_bg);
    border-block-end: 1px solid var(--_border);
  }

  h2 {
    margin: 0;
    font-size: calc(1.125 * var(--_sw-u));
  }

  .close {
    flex: none;
    inline-size: calc(2.75 * var(--_sw-u));
    block-size: calc(2.75 * var(--_sw-u));
    padding: 0;
    font-size: calc(1.5 * var(--_sw-u));
    line-height: 1;
  }

  .close:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  /* The dialog's own heading names the specialist: the booking's would say it twice. */
  slotwise-booking::part(title) {
    display: none;
  }

  .sentinel {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
  }

  /* A phone: a full-screen sheet. */
  @media (max-width: 40rem) {
    dialog {
      inline-size: 100vw;
      block-size: 100dvh;
      max-block-size: none;
      margin: 0;
      border: 0;
      border-radius: 0;
    }
  }
`;
