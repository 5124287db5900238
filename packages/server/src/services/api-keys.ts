import type { Tx } from '../db/client.js';
import { apiKeys } from '../db/schema.js';
import { hashToken, newId, newSecretToken } from '../http/tokens.js';

export interface NewApiKey {
  key: string;
  prefix: string;
  secretHash: string;
}

/** A fresh secret key and its hash; made outside any transaction (hashing is async). */
export async function newApiKey(): Promise<NewApiKey> {
  const key = newSecretToken('sk');
  return { key, prefix: key.slice(0, 7), secretHash: await hashToken(key) };
}

/** Stores `prepared` for `specialistId`: only the hash is kept, the key is shown once. */
export async function insertApiKey(tx: Tx, specialistId: string, name: string, prepared: NewApiKey, now: number): Promise<string> {
  const id = newId('key');
  await tx.insert(apiKeys).values({ id, specialistId, name, prefix: prepared.prefix, secretHash: prepared.secretHash, createdAt: now });
  return id;
}
