import { createHash, createHmac, pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './accounts/passwords.js';
import { derivedToken, hashToken } from './ids.js';

// What the database already holds must keep verifying wherever the app runs: password hashes,
// token hashes and derived tokens go through WebCrypto (the same code on Node and in Workers).
// The literals below were made by Node's OpenSSL-backed `node:crypto` — another implementation
// of the same algorithms — in the stored format, so a change of encoding, normalisation or
// algorithm on either side fails here.

const SALT = 'c2xvdHdpc2Utc2FsdC0xNg=='; // "slotwise-salt-16"
const STORED_1000 = `pbkdf2-sha256$1000$${SALT}$zEt3GC+X3hi5CMukujWiFwzN9xyE13K/gdysLhrD7WY=`;
/** 100,000 iterations: the most Workers run, what the edge entry stores. */
const STORED_100000 = `pbkdf2-sha256$100000$${SALT}$GCiRP2V+JdpN5C8T2/EoAodbdfxBqAZgyHBnMnjWeM8=`;

describe('secrets stored before the move to one WebCrypto code path', () => {
  it('verifies password hashes made by node:crypto, and refuses wrong passwords against them', async () => {
    expect(await verifyPassword('correct horse battery', STORED_1000)).toBe(true);
    expect(await verifyPassword('Edge passphrase 2026', STORED_100000)).toBe(true);
    expect(await verifyPassword('correct horse batterY', STORED_1000)).toBe(false);
    expect(await verifyPassword('Edge passphrase 2026', STORED_1000)).toBe(false);
  });

  it('stores hashes node:crypto recomputes byte for byte', async () => {
    const stored = await hashPassword('Caf\u00e9 au lait 1234', 1000);
    const [, , salt, hash] = stored.split('$');
    const again = pbkdf2Sync('Caf\u00e9 au lait 1234'.normalize('NFKC'), Buffer.from(salt!, 'base64'), 1000, 32, 'sha256');
    expect(again.toString('base64')).toBe(hash);
  });

  it('hashes tokens to the hex SHA-256 already stored for them', async () => {
    expect(await hashToken('mt_exampleTokenFromLastYear')).toBe('29aeb0ae095ab0299247d3813ee2fbfe1fc726205e58bb0ffc36192edeae72ee');
    const token = 'at_' + 'x'.repeat(43);
    expect(await hashToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
  });

  it('derives the same tokens from the same secret (links already emailed keep working)', async () => {
    expect(await derivedToken('jwt_secret', 'unsubscribe', 'sp_123|ann@example.com', 'un')).toBe('un_EBq235GdDbAKFAyv6fUhGZ_ZI3-JdQrS2f9mn3o_384');
    expect(await derivedToken('s3cret', 'feed', 'sp_9', 'cf')).toBe(`cf_${createHmac('sha256', 'feed:s3cret').update('sp_9').digest('base64url')}`);
  });
});
