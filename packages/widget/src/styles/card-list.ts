import { css } from 'lit';

/**
 * A list of offers shown as cards (the services, the packages): one bordered card per `li`, on
 * the theme's surface, radius and border tokens, with `.name` as the card's title.
 */
export const cardList = css`
  :host {
    display: block;
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(0.75 * var(--_sw-u));
  }

  li {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(0.75 * var(--_sw-u)) calc(1 * var(--_sw-u));
    background: var(--_surface);
  }

  .name {
    font-weight: bold;
    margin: 0;
  }
`;
