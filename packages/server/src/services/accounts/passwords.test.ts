import { describe, expect, it } from 'vitest';
import { DEFAULT_KDF_ITERATIONS, decoyHash, hashPassword, verifyPassword } from './passwords.js';

const FORMAT = /^pbkdf2-sha256\$(\d+)\$([A-Za-z0-9+/]{22}==)\$([A-Za-z0-9+/]{43}=)$/;

describe('password hashes', () => {
  it('stores PBKDF2-SHA256 with its iteration count, a 16-byte salt and a 32-byte hash — never the password', async () => {
    const stored = await hashPassword('correct horse battery', 1000);
    const [, iterations, salt, hash] = FORMAT.exec(stored) ?? [];
    expect(iterations).toBe('1000');
    expect(atob(salt!)).toHaveLength(16);
    expect(atob(hash!)).toHaveLength(32);
    expect(stored).not.toContain('correct horse battery');
  });

  it('salts every hash: the same password twice gives two hashes that both verify', async () => {
    const [a, b] = await Promise.all([hashPassword('same password', 1000), hashPassword('same password', 1000)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  it('refuses a wrong password, a one-letter change and the empty string', async () => {
    const stored = await hashPassword('correct horse battery', 1000);
    for (const guess of ['wrong horse battery', 'correct horse batterY', 'correct horse battery ', '']) {
      expect(await verifyPassword(guess, stored)).toBe(false);
    }
  });

  it('verifies a hash made with the default 600,000 iterations', async () => {
    const stored = await hashPassword('a long passphrase');
    expect(stored.startsWith(`pbkdf2-sha256$${DEFAULT_KDF_ITERATIONS}$`)).toBe(true);
    expect(DEFAULT_KDF_ITERATIONS).toBe(600_000);
    expect(await verifyPassword('a long passphrase', stored)).toBe(true);
    expect(await verifyPassword('a long passphrase!', stored)).toBe(false);
  });

  it('uses the count stored with a hash, so raising the default keeps old passwords working', async () => {
    const old = await hashPassword('from last year', 2000);
    expect(await verifyPassword('from last year', old)).toBe(true);
  });

  it('treats the same password in another Unicode form as the same password', async () => {
    const stored = await hashPassword('Caf\u00e9 au lait 1234', 1000); // é precomposed
    expect(await verifyPassword('Cafe\u0301 au lait 1234', stored)).toBe(true); // e + combining accent
  });

  it('refuses tampered, foreign and absurd hashes instead of running them', async () => {
    const stored = await hashPassword('correct horse battery', 1000);
    const parts = stored.split('$');
    const tampered = [parts[0], '1001', parts[2], parts[3]].join('$');
    expect(await verifyPassword('correct horse battery', tampered)).toBe(false);
    for (const bad of ['', 'correct horse battery', `bcrypt$1000$${parts[2]}$${parts[3]}`, `pbkdf2-sha256$99999999999$${parts[2]}$${parts[3]}`, `${stored}$x`]) {
      expect(await verifyPassword('correct horse battery', bad)).toBe(false);
    }
  });

  it('has a decoy hash that costs a real derivation and that no password matches', async () => {
    const decoy = decoyHash(1000);
    expect(decoy).toMatch(FORMAT);
    expect(await verifyPassword('', decoy)).toBe(false);
    expect(await verifyPassword('correct horse battery', decoy)).toBe(false);
  });

  it('refuses to hash with a nonsensical iteration count', async () => {
    await expect(hashPassword('x', 0)).rejects.toThrow(RangeError);
    await expect(hashPassword('x', 1.5)).rejects.toThrow(RangeError);
  });
});
