import { css, unsafeCSS } from 'lit';
import { DEFAULT_FONT } from './font.js';

/**
 * The theme every part shares. Each `--slotwise-*` property is the public hook; the private
 * `--_*` names resolve it once per element with a light or dark default.
 *
 * The first frame (header, services, calendar) sets its text in two weights (normal, bold) and
 * two sizes (the heading's, the body's): in a fresh page each further weight or size of the font
 * is one more font lookup during the first layout (≈ 1 ms each, bench/README.md "Fewer fonts");
 * the script-tag loader looks these three up ahead (`scripts/loader.mjs`).
 */
/**
 * The widget's length unit, `--_sw-u`: 1em of its host's text, the page's body text wherever the
 * element stands, taken at the host as a length and inherited as such (a registered property:
 * every part sizes against the host's text, not its own). Not `rem`: a shadow root's `rem` is the
 * page's root size, and many themes set `html { font-size: 62.5% }` (Bootstrap 3: 10px) with their
 * text at 1.6rem — the widget's headings and paddings came out at 10/16 of their size. Registered
 * from script (`CSS.registerProperty`): no style element, so a strict CSP is untouched. Where it
 * cannot be registered (an old browser), each use reads it as 1em of its own element's text.
 */
function registerUnit(): void {
  try {
    CSS.registerProperty({ name: '--_sw-u', syntax: '<length>', inherits: true, initialValue: '16px' });
  } catch {
    // Registered already (a second copy of the script), or no CSS Properties API.
  }
}
if (typeof CSS !== 'undefined' && typeof CSS.registerProperty === 'function') registerUnit();

export const tokens = css`
  :host {
    --_sw-u: 1em;
    --_accent: var(--slotwise-accent, #3451b2);
    --_accent-text: var(--slotwise-accent-text, #ffffff);
    --_bg: var(--slotwise-background, #ffffff);
    --_surface: var(--slotwise-surface, #f4f5f8);
    --_text: var(--slotwise-text, #1c1f26);
    --_muted: var(--slotwise-muted, #5a6170);
    --_border: var(--slotwise-border, #cfd4dc);
    --_danger: var(--slotwise-danger, #b3261e);
    --_radius: var(--slotwise-radius, calc(0.5 * var(--_sw-u)));
    --_font: var(--slotwise-font, ${unsafeCSS(DEFAULT_FONT)});
    font-family: var(--_font);
    color: var(--_text);
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--slotwise-accent, #9db1ff);
      --_accent-text: var(--slotwise-accent-text, #10131a);
      --_bg: var(--slotwise-background, #16181d);
      --_surface: var(--slotwise-surface, #22252c);
      --_text: var(--slotwise-text, #eceef2);
      --_muted: var(--slotwise-muted, #a5abb8);
      --_border: var(--slotwise-border, #3a3f4a);
      --_danger: var(--slotwise-danger, #ffb4ab);
    }
  }

  [hidden] {
    display: none !important;
  }

  h2,
  h3 {
    margin: 0 0 calc(0.5 * var(--_sw-u));
    line-height: 1.25;
  }

  h3 {
    font-size: calc(1 * var(--_sw-u));
  }

  [tabindex='-1']:focus {
    outline: none;
  }

  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: calc(0.5 * var(--_sw-u)) calc(0.75 * var(--_sw-u));
  }

  button:disabled {
    cursor: default;
    opacity: 0.45;
  }

  button[aria-pressed='true'],
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }

  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .muted {
    color: var(--_muted);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
