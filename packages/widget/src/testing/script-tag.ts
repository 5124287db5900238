// For tests of the script-tag build: imports nothing of the widget, whose ESM elements would
// define the custom elements before `dist/slotwise.js` could.

/** Adds `<script src="/dist/slotwise.js">` to the page; resolves once it ran (its loader then imports the elements). */
export function loadScriptTag(): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { src: '/dist/slotwise.js' });
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('could not load /dist/slotwise.js'));
    document.head.append(script);
  });
}
