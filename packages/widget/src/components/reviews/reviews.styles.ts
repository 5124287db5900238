import { css } from 'lit';

export const styles = css`
  :host { display: block; }
  h3 { margin: calc(1 * var(--_sw-u)) 0 calc(.25 * var(--_sw-u)); font-size: calc(1 * var(--_sw-u)); }
  ul { list-style: none; padding: 0; margin: calc(.5 * var(--_sw-u)) 0 0; display: grid; gap: calc(.5 * var(--_sw-u)); }
  .review { border: 1px solid var(--_border); border-radius: var(--_radius); padding: calc(.5 * var(--_sw-u)) calc(.75 * var(--_sw-u)); background: var(--_surface); }
  .review p { margin: calc(.25 * var(--_sw-u)) 0 0; }
  .text, .response { white-space: pre-line; overflow-wrap: anywhere; }
  .stars { color: var(--_accent); letter-spacing: .05em; }
  .muted { color: var(--_muted); }
  fieldset { border: 1px solid var(--_border); border-radius: var(--_radius); display: flex; flex-wrap: wrap; gap: calc(.25 * var(--_sw-u)) calc(.75 * var(--_sw-u)); margin: 0 0 calc(.75 * var(--_sw-u)); }
  label { display: inline-flex; gap: calc(.25 * var(--_sw-u)); align-items: center; }
  .field { display: grid; gap: calc(.25 * var(--_sw-u)); margin-bottom: calc(.75 * var(--_sw-u)); }
  textarea { font: inherit; color: var(--_text); background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius); padding: calc(.5 * var(--_sw-u)); min-height: calc(5 * var(--_sw-u)); }
  button { font: inherit; cursor: pointer; border: none; border-radius: var(--_radius); padding: calc(.5 * var(--_sw-u)) calc(1 * var(--_sw-u)); background: var(--_accent); color: var(--_accent-text); }
  button[disabled] { opacity: .6; cursor: default; }
  [role='alert'] { color: var(--_danger); }
  :focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
`;
