import { expect, waitUntil } from '@open-wc/testing';
import { loadScriptTag } from './testing/script-tag.js';

// Like slotwise.test.ts, this file must not import the ESM elements: the script-tag build
// (`dist/slotwise.js`) defines them, and its loader looks up the first frame's font faces.

/** `weight size family`, weights as numbers and families without quotes, so both sides compare. */
const face = (weight: string, size: string, family: string) =>
  `${{ normal: '400', bold: '700' }[weight] ?? weight} ${parseFloat(size)}px ${family.replace(/["']/g, '').replace(/\s*,\s*/g, ',')}`;

describe('dist/slotwise.js and the first frame’s fonts', () => {
  it('sets the first screen’s text only in faces the loader looked up ahead', async () => {
    expect(customElements.get('slotwise-booking')).to.equal(undefined);
    // Every face the loader measures text in, in the order it does.
    const warmed: string[] = [];
    const measure = CanvasRenderingContext2D.prototype.measureText;
    CanvasRenderingContext2D.prototype.measureText = function (this: CanvasRenderingContext2D, text: string) {
      // Serialized as `[weight ]size family`: the weight is left out when normal.
      const [, weight = 'normal', size = '', family = ''] = /^(?:(\S+) )?([\d.]+px) (.+)$/.exec(this.font) ?? [];
      warmed.push(face(weight, size, family));
      return measure.call(this, text);
    };
    try {
      const el = document.createElement('slotwise-booking');
      el.setAttribute('specialist', 'demo');
      el.setAttribute('service', 'intro-call');
      document.body.append(el);
      await loadScriptTag();
      await waitUntil(() => el.shadowRoot?.querySelector('slotwise-calendar')?.shadowRoot?.querySelector('button[part~="day-open"]'), 'open days', { timeout: 10_000 });

      // The faces of the text on screen: title, services, zone line, calendar, across shadow roots.
      const used = new Set<string>();
      const walk = (root: ParentNode) => {
        for (const node of root.querySelectorAll('*')) {
          if (node.shadowRoot) walk(node.shadowRoot);
          const text = [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim());
          if (!text || !(node as HTMLElement).offsetParent) continue;
          const style = getComputedStyle(node);
          used.add(face(style.fontWeight, style.fontSize, style.fontFamily));
        }
      };
      walk(el.shadowRoot!);
      expect(used.size).to.be.greaterThan(1);
      expect([...used].filter((f) => !warmed.includes(f)), `looked up ahead: ${warmed.join(' | ')}`).to.deep.equal([]);
      el.remove();
    } finally {
      CanvasRenderingContext2D.prototype.measureText = measure;
    }
  });
});
