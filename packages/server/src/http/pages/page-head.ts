import { html } from 'hono/html';

/**
 * The first lines of the `<head>` of the pages a person opens on the server (the console's shell,
 * the hosted booking page): the charset (first, within the first kilobyte), a phone's viewport,
 * and the look they share: light and dark from the visitor's
 * `prefers-color-scheme` (with matching `theme-color` for the browser's chrome), system fonts, and
 * a single readable column that fits a 390 px phone without horizontal scrolling.
 */
export const pageHead = html`<meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <meta name="theme-color" content="#ffffff" media="(prefers-color-scheme: light)" />
    <meta name="theme-color" content="#14171c" media="(prefers-color-scheme: dark)" />
    <style>
      :root { color-scheme: light dark; --fg: #1f2328; --muted: #57606a; --bg: #ffffff; --line: #d8dee4; --accent: #2f6f5e; }
      @media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9da7b3; --bg: #14171c; --line: #30363d; --accent: #8fd3bf; } }
      * { box-sizing: border-box; }
      body { margin: 0 auto; max-width: 46rem; padding: 1.5rem 1rem 3rem; font: 16px/1.55 system-ui, -apple-system, 'Segoe UI', sans-serif; color: var(--fg); background: var(--bg); overflow-wrap: anywhere; }
      h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 .5rem; }
      h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; }
      h3 { font-size: 1.05rem; margin: 0; }
      a { color: var(--accent); }
      .muted { color: var(--muted); }
    </style>`;
