import type {
  AvailabilityRules,
  CalendarFeed,
  CalendarFeedCreate,
  DateOverride,
  DateOverrideCreate,
  Recurring,
  RecurringCreate,
  WeeklySchedule,
} from '../contract/availability.js';
import { pathOf, type RequestOptions, type Transport } from '../transport.js';

/** A specialist's availability rules and calendar feeds (`client.me.*`); services are in `account.ts`. */
export function availabilityNamespaces(request: Transport) {
  const me = <T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>(method, path, { body, auth: 'apiKey', opts });
  return {
    availability: {
      retrieve: (opts?: RequestOptions) => me<AvailabilityRules>('GET', '/v1/me/availability', undefined, opts),
      /** Replaces all weekly hours and breaks at once. */
      replaceWeekly: (params: WeeklySchedule, opts?: RequestOptions) => me<AvailabilityRules>('PUT', '/v1/me/availability/weekly', params, opts),
      overrides: {
        create: (params: DateOverrideCreate, opts?: RequestOptions) => me<DateOverride>('POST', '/v1/me/availability/overrides', params, opts),
        delete: (id: string, opts?: RequestOptions) => me<DateOverride>('DELETE', pathOf('/v1/me/availability/overrides/{}', id), undefined, opts),
      },
      recurring: {
        create: (params: RecurringCreate, opts?: RequestOptions) => me<Recurring>('POST', '/v1/me/availability/recurring', params, opts),
        delete: (id: string, opts?: RequestOptions) => me<Recurring>('DELETE', pathOf('/v1/me/availability/recurring/{}', id), undefined, opts),
      },
    },
    calendarFeeds: {
      create: (params: CalendarFeedCreate, opts?: RequestOptions) => me<CalendarFeed>('POST', '/v1/me/calendar-feeds', params, opts),
      delete: (id: string, opts?: RequestOptions) => me<CalendarFeed>('DELETE', pathOf('/v1/me/calendar-feeds/{}', id), undefined, opts),
    },
  };
}
