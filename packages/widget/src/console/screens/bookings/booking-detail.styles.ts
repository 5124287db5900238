import { css } from 'lit';

export const styles = css`
  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.35rem 1rem;
  }

  dl.facts dt {
    font-weight: 600;
  }

  dl.facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .cancel {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
    margin-top: 0.75rem;
  }

  .reschedule-panel {
    margin-top: 1rem;
    display: grid;
    gap: 0.75rem;
  }

  .reschedule-panel h4 {
    margin: 0;
  }

  .schedule {
    display: grid;
    gap: 1rem;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
  }

  @container (max-width: 30rem) {
    dl.facts {
      grid-template-columns: 1fr;
    }

    dl.facts dd {
      margin-bottom: 0.5rem;
    }
  }
`;
