export { CalendarFeedError, type CalendarFeedErrorCode } from '../../services/availability/calendar-feed-error.js';
export { createCalendarFeeds, type CalendarFeeds, type CalendarFeedsOptions, type FeedBusy, type FeedStatus } from './calendar-feeds.js';
export { feedUrl } from './feed-url.js';
export { isPublicAddress } from './public-address.js';
// The parser itself (`parse-ics.ts`, ical.js) is not re-exported: `calendar-feeds.ts` imports it on first use.
export type { ExpansionLimits, ParsedCalendar } from './parse-ics.js';
// guardedFetch (guarded-fetch.ts) is Node-only (node:dns, node:net): the Node entry imports it directly.
