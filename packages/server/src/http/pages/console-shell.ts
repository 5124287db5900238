import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { pageHead } from './page-head.js';

/** Where the console's bundle is served (the widget package's build, `dist/console/console.js`). */
export const CONSOLE_SCRIPT = '/widget/console/console.js';

/**
 * The page the specialist console runs in: an empty shell that loads the console's ES module and
 * hands it this server's public origin as its API. The console routes by hash (`/console#/bookings`),
 * so this one page serves every screen. Without scripts it says what to do instead.
 *
 * @param api - the origin the console calls, e.g. `https://api.example.com`
 */
export function consoleShell(api: string): HtmlEscapedString | Promise<HtmlEscapedString> {
  return html`<!doctype html>
<html lang="en">
  <head>
    ${pageHead}
    <meta name="robots" content="noindex" />
    <title>Slotwise console</title>
    <style>body { max-width: none; padding: 0; }</style>
    <script type="module" src="${CONSOLE_SCRIPT}"></script>
  </head>
  <body>
    <slotwise-console api="${api}"></slotwise-console>
    <noscript>
      <h1>Slotwise console</h1>
      <p>The console needs JavaScript. Turn it on for this site and reload, or manage your practice through the API with an API key (see <a href="/openapi.json">/openapi.json</a>).</p>
    </noscript>
  </body>
</html>`;
}
