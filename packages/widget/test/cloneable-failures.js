/*
 * Loaded before the test framework on every test page. The runner sends a file's results to its
 * server through `structuredClone`, which throws on a DOM node or a function — and a failed
 * assertion carries its `actual` and `expected` (`expect(element).to.equal(undefined)` fails with
 * the element). The send then rejects unnoticed, the file never reports, and the run says only
 * "did not finish" two minutes later. Here a value that cannot be cloned is cloned as a readable
 * stand-in instead (an element as its opening tag and text, a function as its name), so such a
 * failure reports its message at once, like any other.
 */
(() => {
  const clone = window.structuredClone.bind(window);
  const standIn = (value, seen) => {
    if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
    if (typeof value !== 'object' || value === null) return value;
    if (value instanceof Node) {
      const text = (value.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
      const open = value instanceof Element ? value.outerHTML.slice(0, value.outerHTML.indexOf('>') + 1).slice(0, 300) : value.nodeName;
      return text ? `${open} ${text}` : open;
    }
    if (seen.has(value)) return '[circular]';
    seen.add(value);
    if (Array.isArray(value)) return value.map((item) => standIn(item, seen));
    if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
    try {
      return clone(value);
    } catch {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, standIn(item, seen)]));
    }
  };
  window.structuredClone = (value, options) => {
    try {
      return clone(value, options);
    } catch (error) {
      if (error?.name !== 'DataCloneError') throw error;
      return clone(standIn(value, new WeakSet()), options);
    }
  };
})();
