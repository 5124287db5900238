/** The zone this device is set to ('UTC' where the runtime cannot say). */
export function detectedTimeZone(): string {
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
 * Every IANA zone the browser knows, with `include` (the detected zone by default) added first
 * when the list lacks it: Chromium's list omits aliases such as `UTC` or `Asia/Calcutta`, which a
 * device may still report.
 */
export function timeZones(include: string = detectedTimeZone()): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(include) ? zones : [include, ...zones];
}

/** `value` when this runtime knows the zone, else the browser's own (never throws on an attribute). */
export function resolveZone(value: string | undefined): string {
  return value && isKnownZone(value) ? value : detectedTimeZone();
}
