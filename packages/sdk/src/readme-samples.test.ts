import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WebhookEvent } from './contract/index.js';

// The webhook bodies the root README shows a receiver are what the contract sends: a sample that
// lost a field (a receiver written from it would then reject real deliveries) fails here.
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const samples = [...readme.matchAll(/```json\n(\{"type":"[^\n]+)\n```/g)].map((match) => match[1]!);

describe('the README’s webhook samples', () => {
  it('are there to check: a booking event and a package purchase', () => {
    expect(samples.map((sample) => (JSON.parse(sample) as { type: string }).type)).toEqual(expect.arrayContaining(['booking.confirmed', 'package.purchased']));
  });

  it.each(samples.map((sample) => [(JSON.parse(sample) as { type: string }).type, sample]))('%s reads as the contract’s WebhookEvent', (_type, sample) => {
    const parsed = WebhookEvent.safeParse(JSON.parse(sample));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });
});
