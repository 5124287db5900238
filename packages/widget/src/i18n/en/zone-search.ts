/** English strings of the time zone search panel (`zone-search-panel.ts`, loaded on the first "Change"). */
export const zoneSearch = {
  zoneField: 'Time zone',
  zoneHint: 'Type a city or region, then pick it from the list.',
  zoneNoMatch: (query: string) => `No time zone matches “${query}”.`,
  zoneMatches: (count: number) => (count === 1 ? '1 time zone found.' : `${count} time zones found.`),
  zoneCancel: 'Keep this zone',
};
