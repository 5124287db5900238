const KEY = 'slotwise.visitor';
let inMemory: string | undefined;

/**
 * A random id for this visitor, kept in `localStorage` so a reload or a second widget on the site
 * is the same visitor (in memory when storage is blocked, e.g. some private modes or sandboxed
 * frames). The server limits unpaid holds per visitor rather than per network address, which an
 * office or a mobile carrier shares; it stores only the id's SHA-256. It says nothing about the
 * visitor: 128 random bits, never derived from anything they typed.
 */
export function visitorId(): string {
  try {
    const kept = localStorage.getItem(KEY);
    if (kept && /^[A-Za-z0-9_-]{16,128}$/.test(kept)) return kept;
    const made = newVisitorId();
    localStorage.setItem(KEY, made);
    return made;
  } catch {
    return (inMemory ??= newVisitorId());
  }
}

function newVisitorId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `vis_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
