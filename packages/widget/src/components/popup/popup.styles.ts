import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }

  dialog {
    box-sizing: border-box;
    inline-size: min(60rem, calc(100vw - 2rem));
    max-inline-size: none;
    max-block-size: calc(100dvh - 2rem);
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
    gap: 1rem;
    padding: 0.75rem 1rem;
    background: var(--_bg);
    border-block-end: 1px solid var(--_border);
  }

  h2 {
    margin: 0;
    font-size: 1.125rem;
  }

  .close {
    flex: none;
    inline-size: 2.75rem;
    block-size: 2.75rem;
    padding: 0;
    font-size: 1.5rem;
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
