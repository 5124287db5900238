import { css } from 'lit';

/** The shell: a top bar with the navigation (a menu button when the console is under 48rem wide), the page, the status line. */
export const shellStyles = css`
  /* Sized by its own width, not the window's: the console may sit in a narrow column. */
  :host {
    display: block;
    container-type: inline-size;
    min-height: 100%;
    background: var(--_bg);
  }
  .skip {
    position: absolute;
    left: 0.5rem;
    top: -3rem;
    background: var(--_bg);
    padding: 0.5rem;
    z-index: 2;
  }
  .skip:focus {
    top: 0.5rem;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.5rem 1rem;
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
  }
  .brand {
    font-weight: 700;
    margin-right: auto;
  }
  nav ul {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
  }
  nav a,
  nav button {
    display: block;
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    text-decoration: none;
    color: var(--_text);
  }
  nav .count {
    display: inline-block;
    min-width: 1.4em;
    padding: 0 0.35em;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-text);
    font-size: 0.8em;
    text-align: center;
  }
  /* On the current page's link (accent on accent) the count is drawn the other way round. */
  nav a[aria-current='page'] .count {
    background: var(--_accent-text);
    color: var(--_accent);
  }
  nav a[aria-current='page'] {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .menu {
    display: none;
  }
  main {
    max-width: 60rem;
    margin: 0 auto;
    padding: 1rem;
    display: grid;
    gap: 1rem;
  }
  main h1 {
    margin: 0;
    font-size: 1.5rem;
  }
  .status:empty {
    display: none;
  }
  .status {
    position: sticky;
    bottom: 0;
    /* It stays over the bottom of the page: a click on a half-hidden button must reach the button. */
    pointer-events: none;
    margin: 0;
    padding: 0.75rem 1rem;
    background: var(--_text);
    color: var(--_bg);
  }
  .starting {
    padding: 2rem;
  }
  @container (max-width: 48rem) {
    .menu {
      display: block;
    }
    nav {
      display: none;
      width: 100%;
    }
    nav.open {
      display: block;
    }
    nav ul {
      flex-direction: column;
    }
  }
`;
