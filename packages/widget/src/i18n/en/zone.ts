/** English strings of the time zone switcher (`<slotwise-zone-picker>`). */
export const zone = {
  /** `label` is `Europe/Berlin (GMT+1)`. */
  zoneTimesIn: (label: string) => `Times in ${label}`,
  zoneChange: 'Change time zone',
  zoneField: 'Time zone',
  zoneHint: 'Type a city or region, then pick it from the list.',
  zoneNoMatch: (query: string) => `No time zone matches “${query}”.`,
  zoneMatches: (count: number) => (count === 1 ? '1 time zone found.' : `${count} time zones found.`),
  zoneCancel: 'Keep this zone',
};
