import { css } from 'lit';

export const styles = css`
  figure.earnings {
    margin: 0 0 1rem;
  }

  .chart-wrap {
    overflow-x: auto;
  }

  svg.chart rect {
    fill: var(--_accent);
  }

  svg.chart text {
    fill: var(--_text);
    font-size: 12px;
  }

  svg.chart .baseline {
    stroke: var(--_muted);
  }

  .test-mode {
    display: inline-block;
    margin-inline-start: 0.5rem;
  }
`;
