/**
 * The widget's text face unless the page sets `--slotwise-font`: the platform's own UI font.
 * `tokens` uses it, and so does the script-tag loader (`scripts/loader.mjs`), which looks these
 * faces up while the first request is out so that the first layout finds them (bench/README.md).
 */
export const DEFAULT_FONT = "system-ui, -apple-system, 'Segoe UI', sans-serif";
