import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contractMessages, say } from '@slotwise/sdk/contract';
import { CATALOGS, fromContract, LANGUAGES, render, t, type MessageKey } from './index.js';

const en = CATALOGS.en;
const keys = Object.keys(en) as MessageKey[];

/** The parameters an English sentence reads, found by rendering it with a recording proxy. */
function parametersOf(key: MessageKey): string[] {
  const read = new Set<string>();
  const probe = new Proxy({}, { get: (_, name) => (typeof name === 'string' ? (read.add(name), `⟨${name}⟩`) : undefined) });
  (en[key] as (p: unknown) => string)(probe);
  return [...read];
}
const sample = (names: string[]) => Object.fromEntries(names.map((n) => [n, `⟨${n}⟩`]));
// Codes the sentence turns into words of its language rather than quoting.
const WORDED = new Set(['status', 'action', 'role']);
// Sentences that are only a frame around other text, the same in every language.
const FRAMES = new Set<MessageKey>(['invalid_request.field']);

describe('the refusal catalogs', () => {
  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every sentence, translated, with every value English puts in it', (language) => {
    const problems = keys.flatMap((key) => {
      const names = parametersOf(key);
      const text = render({ key, params: sample(names) }, language);
      const lost = names.filter((n) => !WORDED.has(n) && !text.includes(`⟨${n}⟩`));
      const untranslated = !FRAMES.has(key) && text === render({ key, params: sample(names) }, 'en');
      return [...lost.map((n) => `${key}: drops ${n}`), ...(untranslated ? [`${key}: still English`] : [])];
    });
    expect(problems).toEqual([]);
  });

  it('writes a message inside a message in the same language', () => {
    const nested = t('invalid_request.field', { field: 'body.start', message: t('slot_unavailable.field') });
    expect(render(nested, 'de')).toBe('body.start: Dieser Termin ist vergeben.');
    expect(render(nested)).toBe('body.start: This time is taken.');
  });

  it('keeps a plain-string detail as it is in every language (the fallback)', () => {
    expect(render('Something only English knows.', 'ja')).toBe('Something only English knows.');
  });
});

// Every refusal thrown in the source gets its sentence from the catalogs. A throw with a plain
// string still works (it answers in English whatever the language asked), so this is what lists
// the codes lacking translations — e.g. after a merge — to be moved into `en.ts` and translated.
const src = fileURLToPath(new URL('../../', import.meta.url));
const sources = (function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : walk(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
})(src);

describe('refusals in the source', () => {
  it('finds the throws', () => {
    const throws = sources.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/new (?:Service|Http)Error\(/g)]);
    expect(throws.length).toBeGreaterThan(60);
  });

  it('lists no code thrown with an untranslated sentence', () => {
    const untranslated = sources.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/new (?:Service|Http)Error\(\s*([^,]+?),\s*(?!t\()([^\s,)][^,)]*)/g)]
        .filter((m) => !/^(?:detail|message|next\.why|state\.why|decision\.why)$/.test(m[2]!.trim()))
        .map((m) => `${relative(src, file)}: ${m[1]} ${m[2]!.slice(0, 40)}`);
    });
    expect(untranslated).toEqual([]);
  });
});

// The contract's own sentences (zod `message`s in the SDK's schemas) are written through `say`, so
// the server can answer them in the caller's language; a plain string there would stay English.
const contractDir = fileURLToPath(new URL('../../../../sdk/src/contract/', import.meta.url));

describe('the contract’s own sentences', () => {
  it('are all message keys: no schema in the contract gives a plain-string message', () => {
    const files = readdirSync(contractDir).filter((name) => name.endsWith('.ts') && name !== 'messages.ts' && !name.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(10);
    const plain = files.flatMap((name) =>
      [...readFileSync(join(contractDir, name), 'utf8').matchAll(/\bmessage:\s*(?!say\()([^\s,}][^,}]{0,40})/g)]
        .filter((m) => !/^z\.|^checked\.error\.issues/.test(m[1]!))
        .map((m) => `${name}: ${m[1]}`),
    );
    expect(plain).toEqual([]);
  });

  it('are answered in the language asked for, English being the contract’s own words', () => {
    expect(render(fromContract(contractMessages.customer_name_required()), 'de')).toBe('Bitte geben Sie Ihren Namen an.');
    expect(render(fromContract(say('password_too_short', { min: 12 })), 'fr')).toMatch(/^Utilisez au moins 12 caractères/);
    expect(render(fromContract(say('password_too_short', { min: 12 })))).toBe(contractMessages.password_too_short({ min: 12 }));
    expect(render(fromContract('Ungültige Eingabe'), 'ja')).toBe('Ungültige Eingabe'); // zod's own words pass as they are
  });
});
