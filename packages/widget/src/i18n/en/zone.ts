/** English strings of the time zone switcher (`<slotwise-zone-picker>`); its search panel's are in `zone-search.ts`. */
export const zone = {
  /** `label` is `Europe/Berlin (GMT+1)`. */
  zoneTimesIn: (label: string) => `Times in ${label}`,
  zoneChange: 'Change time zone',
};
