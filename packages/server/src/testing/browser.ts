import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';

/**
 * Real Chromium for the page tests (hosted page, console journey): /usr/bin/chromium, or
 * CHROME_PATH. No sandbox: the test machine runs as root in a container.
 */
export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}

/**
 * Records what would mean the page cannot run: Content-Security-Policy violations, uncaught
 * errors and `console.error` lines. Call before the first `goto`.
 */
export async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => problems.push(`CSP: ${text}`));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportViolation(t: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('pageerror', (error) => problems.push(`error: ${(error as Error).message ?? String(error)}`));
  page.on('console', (message) => {
    const url = message.location().url ?? '';
    // The browser asks for /favicon.ico on its own; the pages declare none, and its 404 harms nothing.
    if (message.type() === 'error' && !url.endsWith('/favicon.ico')) problems.push(`console: ${message.text()} ${url}`.trim());
  });
  return problems;
}

/**
 * Waits (up to 15 s) for the first element matching `selector` — searched through every shadow
 * root — whose text contains `text` (whitespace collapsed) and which is not disabled.
 */
export async function deep(page: Page, selector: string, text = ''): Promise<ElementHandle<Element>> {
  const handle = await page
    .waitForFunction(
    (sel: string, want: string) => {
      const walk = (root: Document | ShadowRoot): Element | undefined => {
        for (const el of Array.from(root.querySelectorAll(sel))) {
          const seen = (el.textContent ?? '').replace(/\s+/g, ' ');
          if (seen.includes(want) && !(el as HTMLButtonElement).disabled) return el;
        }
        for (const host of Array.from(root.querySelectorAll('*'))) {
          const found = host.shadowRoot ? walk(host.shadowRoot) : undefined;
          if (found) return found;
        }
        return undefined;
      };
      return walk(document) ?? false;
    },
    { timeout: 15_000, polling: 50 },
    selector,
    text,
  )
    .catch(async () => {
      throw new Error(`No ${selector}${text ? ` with “${text}”` : ''} on ${page.url()}; the page shows: ${(await deepText(page)).slice(0, 1500)}`);
    });
  return handle as ElementHandle<Element>;
}

/** The page's visible text through every shadow root, whitespace collapsed. */
export function deepText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const text = (node: Node): string =>
      node.nodeType === Node.TEXT_NODE
        ? node.textContent ?? ''
        : ['STYLE', 'SCRIPT', 'SELECT', 'NOSCRIPT'].includes(node.nodeName)
          ? ''
          : [...Array.from((node as Element).shadowRoot?.childNodes ?? []), ...Array.from(node.childNodes)].map(text).join(' ');
    return text(document.body).replace(/\s+/g, ' ');
  });
}

/** Waits (up to 15 s) until the page's text, through shadow roots, contains `text`; on failure saves a screenshot. */
export async function sees(page: Page, text: string): Promise<void> {
  const until = Date.now() + 15_000;
  let seen = '';
  while (Date.now() < until) {
    seen = await deepText(page);
    if (seen.includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const shot = join(tmpdir(), 'slotwise-console-e2e-failure.png');
  await page.screenshot({ path: shot });
  throw new Error(`The page does not show “${text}” (see ${shot}); it shows: ${seen.slice(0, 2000)}`);
}

/** Replaces the value of the field at `selector` by typing `value`, as a person would. */
export async function typeInto(page: Page, selector: string, value: string): Promise<void> {
  const field = await deep(page, selector);
  await field.evaluate((el) => ((el as HTMLInputElement).value = ''));
  await field.type(value);
}

/** Clicks the first `selector` (through shadow roots) whose text contains `text`. */
export async function clickOn(page: Page, selector: string, text = ''): Promise<void> {
  const target = await deep(page, selector, text);
  // Into the middle of the view first, as a person scrolls to what they read, clear of sticky bars.
  await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await target.click();
}
