/**
 * English strings that more than one lazy part renders (the confirmation and the manage view, the
 * payment step and the manage view). A few words: they travel in the first load with the first
 * screens' strings, so no part's text depends on another part having loaded.
 */
export const shared = {
  serviceWith: (service: string, specialist: string) => `${service} with ${specialist}`,
  /** After a link's text, for screen readers. */
  opensInNewTab: ' (opens in a new tab)',
  checkAgain: 'Check again',
};
