/**
 * The zone this device is set to ('UTC' where the runtime cannot say). `Temporal.Now.timeZoneId()`
 * where the runtime has it: the same IANA name as `Intl`'s, but ≈ 0.3 ms instead of ≈ 15 ms when
 * it is the page's first `Intl` call (a `DateTimeFormat` loads the locale's data first), which
 * sits before the first frame's profile request. The loader (`scripts/loader.mjs`) reads the
 * zone the same way, so both ask for the same URL.
 */
export function detectedTimeZone(): string {
  const temporal = (globalThis as { Temporal?: { Now?: { timeZoneId?: () => string } } }).Temporal;
  try {
    const zone = temporal?.Now?.timeZoneId?.();
    if (zone) return zone;
  } catch {
    // fall through to Intl
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Whether this runtime knows `zone` (an IANA name such as `Asia/Tokyo`). */
export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Every IANA zone the browser knows, and `UTC`, with `include` (the detected zone by default)
 * added first when the list lacks it: Chromium's list omits aliases such as `UTC` or
 * `Asia/Kolkata`, which a device may still report.
 */
export function timeZones(include: string = detectedTimeZone()): string[] {
  const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  // UTC itself, which a visitor may want and Chromium's list leaves out, at the end.
  const zones = listed.includes('UTC') ? listed : [...listed, 'UTC'];
  return zones.includes(include) ? zones : [include, ...zones];
}

/** `value` when this runtime knows the zone, else the browser's own (never throws on an attribute). */
export function resolveZone(value: string | undefined): string {
  return value && isKnownZone(value) ? value : detectedTimeZone();
}
