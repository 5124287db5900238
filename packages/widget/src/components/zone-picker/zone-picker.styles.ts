import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  .current {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
  }

  .panel {
    display: grid;
    gap: 0.375rem;
    margin-top: 0.75rem;
    max-width: 26rem;
  }
`;
