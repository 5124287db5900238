import { describe, expect, it } from 'vitest';
import { optionsFromEnv } from '../../node.js';
import { slotCacheSettings } from '../../settings.js';
import { createSlotCache, SLOT_CACHE_DEFAULTS } from './slot-cache.js';
import { slotList } from './slots-json.js';

const NOW = Date.parse('2026-12-06T10:00:00Z');
const LATER = NOW + 3_600_000;
const body = (bytes: number, fill = 1) => new Uint8Array(new ArrayBuffer(bytes)).fill(fill);

describe('the slot cache bounds', () => {
  it('drops the least recently used answers once their bodies pass the byte bound', () => {
    const cache = createSlotCache({ maxBytes: 1000 });
    cache.set('a', body(400, 1), LATER);
    cache.set('b', body(400, 2), LATER);
    expect(cache.get('a', NOW)?.[0]).toBe(1); // a is now the most recently used
    cache.set('c', body(400, 3), LATER); // 1200 bytes: b, the least recently used, goes
    expect(cache.get('b', NOW)).toBeUndefined();
    expect(cache.get('a', NOW)?.[0]).toBe(1);
    expect(cache.get('c', NOW)?.[0]).toBe(3);
    expect(cache.size).toBe(2);
    expect(cache.bytes).toBe(800);
  });

  it('evicts by bytes although the entry count is far from its bound', () => {
    const cache = createSlotCache({ maxEntries: 2000, maxBytes: 100_000 });
    for (let i = 0; i < 50; i++) cache.set(`window-${i}`, body(10_000), LATER);
    expect(cache.size).toBe(10);
    expect(cache.bytes).toBe(100_000);
    expect(cache.get('window-39', NOW)).toBeUndefined();
    expect(cache.get('window-40', NOW)).toBeDefined();
  });

  it('weighs a block of slots with its index: 96 slots are 5,952 body bytes and 1,156 more for their starts and offsets', () => {
    const day = Date.parse('2026-12-07T00:00:00Z');
    const list = slotList(Array.from({ length: 96 }, (_, i) => ({ start: day + i * 900_000, end: day + i * 900_000 + 1_800_000 })));
    expect(list.bytes.byteLength).toBe(96 * 62);
    const cache = createSlotCache({ maxBytes: 6000 });
    cache.set('block', list.bytes, LATER);
    expect(cache.get('block', NOW)).toBeUndefined();
    const roomy = createSlotCache({ maxBytes: 7200 });
    roomy.set('block', list.bytes, LATER);
    expect(roomy.bytes).toBe(96 * 62 + 96 * 8 + 97 * 4);
  });

  it('keeps no answer larger than the whole bound, and keeps the others', () => {
    const cache = createSlotCache({ maxBytes: 1000 });
    cache.set('small', body(300), LATER);
    cache.set('huge', body(1001), LATER);
    expect(cache.get('huge', NOW)).toBeUndefined();
    expect(cache.get('small', NOW)).toBeDefined();
    expect(cache.bytes).toBe(300);
  });

  it('counts a replaced or expired answer out of the bytes', () => {
    const cache = createSlotCache({ maxBytes: 1000 });
    cache.set('a', body(600), LATER);
    cache.set('a', body(200), LATER);
    expect(cache.bytes).toBe(200);
    cache.set('b', body(700), NOW + 1);
    expect(cache.get('b', NOW + 1)).toBeUndefined(); // expired: dropped on the read
    expect(cache.bytes).toBe(200);
  });

  it('still bounds the entry count', () => {
    const cache = createSlotCache({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd']) cache.set(key, body(10), LATER);
    expect(cache.get('a', NOW)).toBeUndefined();
    expect(cache.size).toBe(3);
  });

  it('reads both bounds from the environment, and refuses a bound it cannot keep', () => {
    expect(slotCacheSettings({})).toEqual({});
    expect(slotCacheSettings({ SLOT_CACHE_MAX_ENTRIES: '500', SLOT_CACHE_MAX_BYTES: '8388608' })).toEqual({ maxEntries: 500, maxBytes: 8_388_608 });
    expect(() => slotCacheSettings({ SLOT_CACHE_MAX_BYTES: '64MB' })).toThrow('SLOT_CACHE_MAX_BYTES must be a whole number from 65536 to 4294967296; got "64MB".');
    expect(() => slotCacheSettings({ SLOT_CACHE_MAX_ENTRIES: '0' })).toThrow('SLOT_CACHE_MAX_ENTRIES must be a whole number');
    expect(SLOT_CACHE_DEFAULTS).toEqual({ maxEntries: 2000, maxBytes: 33_554_432 });
  });

  it('gives the Node server a cache with the bounds its environment sets', () => {
    expect(optionsFromEnv({})).not.toHaveProperty('slotCache');
    const cache = optionsFromEnv({ SLOT_CACHE_MAX_BYTES: '65536' }).slotCache!;
    for (const key of ['a', 'b', 'c']) cache.set(key, body(30_000), LATER);
    expect(cache.get('a', NOW)).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});
