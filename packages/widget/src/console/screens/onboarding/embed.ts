import type { ConsoleSession } from '../../context.js';

/**
 * What a specialist pastes into their site: the script tag from the API's host, after a
 * `<link rel="modulepreload">` of the module its loader imports, so the browser fetches both at
 * once (the widget shows sooner; it works without the link), and the element.
 */
export function embedSnippet(apiBase: string, handle: string): string {
  return `<link rel="modulepreload" href="${apiBase}/widget/slotwise/core.js">\n<script src="${apiBase}/widget/slotwise.js" defer></script>\n<slotwise-booking specialist="${handle}" api="${apiBase}"></slotwise-booking>`;
}

/**
 * Adds `origin` to the sites allowed to embed the widget. Once any origin is registered, only
 * registered ones may read the specialist's times from a browser, so the console's own origin is
 * registered with it when the console runs on another origin than the API: else the preview
 * here would go blank. The server validates `origin` (field `allowedOrigins.0`).
 */
export async function registerOrigin(session: ConsoleSession, origin: string): Promise<void> {
  const existing = session.profile!.allowedOrigins;
  const own = location.origin !== new URL(session.apiBase).origin ? [location.origin] : [];
  const next = [origin.trim(), ...existing.filter((o) => o !== origin.trim()), ...own];
  await session.client.me.profile.update({ allowedOrigins: next });
  await session.refreshProfile();
}
