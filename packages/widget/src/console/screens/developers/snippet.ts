/** What the snippet generator can set: only attributes and custom properties the widget reads (see its README). */
export interface SnippetOptions {
  apiBase: string;
  handle: string;
  /** A BCP 47 tag for `lang`, or '' for the visitor's browser language. */
  lang: string;
  /** An IANA zone for `timezone`, or '' for the visitor's own. */
  timeZone: string;
  /** `#rrggbb` for `--slotwise-accent`, or '' for the default (which follows light/dark). */
  accent: string;
}

const attribute = (name: string, value: string) => (value ? ` ${name}="${value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}"` : '');

/**
 * The HTML to paste into a page: the script tags (the same two lines as onboarding's `embedSnippet`,
 * written out here: importing them would split that module from the console's first load into a
 * chunk of its own, 0.2 KB more there) and one `<slotwise-booking>`.
 * Values are escaped for an attribute, though every one comes from a fixed choice.
 */
export function embedSnippet(options: SnippetOptions): string {
  const style = /^#[0-9a-f]{6}$/i.test(options.accent) ? ` style="--slotwise-accent: ${options.accent}"` : '';
  return `<link rel="modulepreload" href="${options.apiBase}/widget/slotwise/core.js">
<script src="${options.apiBase}/widget/slotwise.js" defer></script>
<slotwise-booking${attribute('specialist', options.handle)}${attribute('lang', options.lang)}${attribute('timezone', options.timeZone)}${style}></slotwise-booking>`;
}

/** Languages offered for `lang`: those the widget has words for (`LANGUAGES`); dates, times and prices follow it. */
export const snippetLanguages: readonly { tag: string; label: string }[] = [
  { tag: '', label: 'The visitor’s browser language' },
  { tag: 'en', label: 'English' },
  { tag: 'en-GB', label: 'English (UK)' },
  { tag: 'de', label: 'German' },
  { tag: 'fr', label: 'French' },
  { tag: 'es', label: 'Spanish' },
  { tag: 'pt', label: 'Portuguese' },
  { tag: 'ja', label: 'Japanese' },
  { tag: 'ar', label: 'Arabic (right to left)' },
];
