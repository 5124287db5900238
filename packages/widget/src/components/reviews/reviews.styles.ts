import { css } from 'lit';

export const styles = css`
  :host { display: block; }
  h3 { margin: 1rem 0 .25rem; font-size: 1rem; }
  ul { list-style: none; padding: 0; margin: .5rem 0 0; display: grid; gap: .5rem; }
  .review { border: 1px solid var(--_border); border-radius: var(--_radius); padding: .5rem .75rem; background: var(--_surface); }
  .review p { margin: .25rem 0 0; }
  .text, .response { white-space: pre-line; overflow-wrap: anywhere; }
  .stars { color: var(--_accent); letter-spacing: .05em; }
  .muted { color: var(--_muted); }
  fieldset { border: 1px solid var(--_border); border-radius: var(--_radius); display: flex; flex-wrap: wrap; gap: .25rem .75rem; margin: 0 0 .75rem; }
  label { display: inline-flex; gap: .25rem; align-items: center; }
  .field { display: grid; gap: .25rem; margin-bottom: .75rem; }
  textarea { font: inherit; color: var(--_text); background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius); padding: .5rem; min-height: 5rem; }
  button { font: inherit; cursor: pointer; border: none; border-radius: var(--_radius); padding: .5rem 1rem; background: var(--_accent); color: var(--_accent-text); }
  button[disabled] { opacity: .6; cursor: default; }
  [role='alert'] { color: var(--_danger); }
  :focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
`;
