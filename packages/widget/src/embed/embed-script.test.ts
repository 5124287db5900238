import { expect, waitUntil } from '@open-wc/testing';

// Like `slotwise.test.ts`, this file must not import the ESM elements: it checks the embed modes
// of `dist/slotwise.js` itself, on a page that queued a call before adding the script tag.

type Api = { open(options: unknown): Promise<void>; close(): Promise<void>; q: unknown };
const slotwise = () => (window as unknown as { Slotwise: Api }).Slotwise;

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

const popup = () => document.querySelector('slotwise-popup');
const dialog = () => popup()?.shadowRoot?.querySelector('dialog') ?? null;
const inner = () => popup()?.shadowRoot?.querySelector('slotwise-booking') ?? null;
const open = () => Boolean(dialog()?.open);
const services = () => inner()?.shadowRoot?.querySelector('slotwise-service-picker')?.shadowRoot?.textContent ?? '';

async function closed(): Promise<void> {
  await slotwise().close();
  await waitUntil(() => !open(), 'the popup to close');
}

describe('embed modes of dist/slotwise.js', () => {
  it('runs a Slotwise.open queued before the script loaded, with prefill, once the script arrives', async () => {
    // The snippet the README gives, as a page runs it before the script tag.
    const stub = { q: [] as unknown[], open(o: unknown) { this.q.push(['open', o]); }, close() { this.q.push(['close']); } };
    (window as unknown as { Slotwise: unknown }).Slotwise = stub;
    slotwise().open({ specialist: 'demo', name: 'Early Bird', email: 'early@example.com', promoCode: 'EARLY10' });
    expect(customElements.get('slotwise-popup')).to.equal(undefined);

    await loadScript('/dist/slotwise.js');
    await waitUntil(open, 'the queued call to open the popup', { timeout: 10_000 });
    expect(slotwise()).to.equal(stub); // the page's object, now the API
    expect(inner()!.getAttribute('name')).to.equal('Early Bird');
    expect(inner()!.getAttribute('email')).to.equal('early@example.com');
    expect(inner()!.getAttribute('promo-code')).to.equal('EARLY10');
    await waitUntil(() => services().includes('Intro call'), 'services in the popup', { timeout: 10_000 });
    await closed();
  });

  it('opens with Slotwise.open after the script loaded, and rejects a call without a specialist, saying why', async () => {
    await slotwise().open({ specialist: 'demo', service: 'svc_any', duration: 60 });
    expect(open()).to.equal(true);
    expect(inner()!.getAttribute('duration')).to.equal('60');
    await closed();
    let message = '';
    await slotwise().open({ service: 'svc_any' }).catch((error: Error) => (message = error.message));
    expect(message).to.include('specialist');
    expect(open()).to.equal(false);
  });

  it('opens from a data-slotwise-open element, a <slotwise-button> and a floating one', async () => {
    const opener = document.createElement('button');
    opener.dataset['slotwiseOpen'] = 'demo';
    opener.dataset['slotwiseCode'] = 'FRIENDS';
    opener.textContent = 'Book';
    document.body.append(opener);
    opener.click();
    await waitUntil(open, 'data-slotwise-open to open the popup');
    expect(inner()!.getAttribute('promo-code')).to.equal('FRIENDS');
    await closed();

    for (const floating of [false, true]) {
      const button = document.createElement('slotwise-button');
      button.setAttribute('specialist', 'demo');
      if (floating) button.setAttribute('floating', '');
      else button.setAttribute('promo-code', 'BUTTON5');
      document.body.append(button);
      await waitUntil(() => button.shadowRoot?.querySelector('button'), 'the button to render');
      if (floating) expect(getComputedStyle(button).position).to.equal('fixed');
      button.shadowRoot!.querySelector('button')!.click();
      await waitUntil(open, `${floating ? 'the floating' : 'a'} <slotwise-button> to open the popup`);
      expect(inner()!.getAttribute('promo-code')).to.equal(floating ? null : 'BUTTON5');
      await closed();
      button.remove();
    }
    opener.remove();
  });

  it('lets the booking’s events reach document, as from an inline widget', async () => {
    await slotwise().open({ specialist: 'demo' });
    const seen = new Promise<string>((resolve) => document.addEventListener('slotwise:service-selected', (e) => resolve(e.type), { once: true }));
    await waitUntil(() => services().includes('Intro call'), 'services', { timeout: 10_000 });
    const picker = inner()!.shadowRoot!.querySelector('slotwise-service-picker')!.shadowRoot!;
    const intro = [...picker.querySelectorAll('[part~="service"]')].find((li) => li.textContent?.includes('Intro call'))!;
    intro.querySelector('button')!.click();
    expect(await seen).to.equal('slotwise:service-selected');
    await closed();
  });
});
