import { describe, expect, it } from 'vitest';
import { hashToken } from './ids.js';

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
