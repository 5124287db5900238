import { describe, expect, it } from 'vitest';
import { hashToken, newId, newSecretToken, randomBytes } from './ids.js';

const webCrypto = async (text: string) => Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))), (b) => b.toString(16).padStart(2, '0')).join('');

describe('hashToken', () => {
  it('stores the same SHA-256 (hex) as Web Crypto gives, so tokens hashed by any runtime still match', async () => {
    // FIPS 180-2's test vector, then a manage token as bookings mint them.
    expect(await hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const token = 'bt_' + 'Zx9-_'.repeat(9);
    expect(await hashToken(token)).toBe(await webCrypto(token));
    expect(await hashToken('ünïcødé ✓')).toBe(await webCrypto('ünïcødé ✓'));
  });
});

describe('random ids from a pool of random bytes', () => {
  it('never hands out the same bytes twice, across refills of the pool, nor changes bytes already handed out', () => {
    const first = randomBytes(16);
    const kept = Uint8Array.from(first);
    const ids = new Set(Array.from({ length: 1000 }, () => newId('bk'))); // 16,000 bytes: the pool refilled several times
    const tokens = new Set(Array.from({ length: 300 }, () => newSecretToken('bt')));
    expect(ids.size).toBe(1000);
    expect(tokens.size).toBe(300);
    expect(first).toEqual(kept);
    // A request past what is left takes a fresh pool; one larger than a pool is served whole.
    randomBytes(4000);
    const a = randomBytes(200);
    const b = randomBytes(200);
    expect(a).not.toEqual(b);
    expect(randomBytes(10_000)).toHaveLength(10_000);
  });

  it('spreads ids over the whole alphabet: every character about as often', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) for (const ch of newId('bk').slice(3)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // 32,000 characters, 1,000 expected each: far outside 800–1,200 only if the bytes were not random.
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(800);
      expect(n).toBeLessThan(1200);
    }
  });
});
