import { calendarFiles } from '@slotwise/sdk/contract';

type JsonSchema = Record<string, unknown>;

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
const calendar = (description: string) => ({ description, content: { 'text/calendar': { schema: { type: 'string' } } } });

/**
 * The OpenAPI entries of the two calendar files, which are not JSON and so not route specs: a
 * booking's `.ics` and a specialist's private feed. Their paths come from the contract.
 */
export function calendarFilePaths(): Record<string, Record<string, JsonSchema>> {
  const { bookingCalendar, bookingsFeed } = calendarFiles;
  return {
    [bookingCalendar.path]: {
      [bookingCalendar.method]: {
        operationId: bookingCalendar.operationId,
        summary:
          'The booking as a calendar file (iCalendar, one VEVENT with the same UID and SEQUENCE as the emailed invites): `METHOD:REQUEST`, or `METHOD:CANCEL` once cancelled. Manage token as bearer, or `?token=` from a link.',
        tags: ['Calendar'],
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'token', in: 'query', required: false, description: 'The manage token, for a link (instead of the header).', schema: { type: 'string' } },
        ],
        security: [{ manageToken: [] }, {}],
        responses: {
          200: calendar('The calendar file (`Content-Disposition: attachment`).'),
          401: problem('Problem: `manage_token_required`.'),
          404: problem('Problem: `booking_not_found`.'),
          409: problem('Problem: `invalid_transition` (the booking awaits payment: it has no event yet).'),
          429: problem('Problem: `rate_limited`.'),
        },
      },
    },
    [bookingsFeed.path]: {
      [bookingsFeed.method]: {
        operationId: bookingsFeed.operationId,
        summary:
          'A specialist’s private calendar feed, for calendar apps to subscribe to: confirmed sessions from 30 days back to a year ahead (1000 at most), and recent cancellations as `STATUS:CANCELLED`. The address is the credential; make it with `POST /v1/me/calendar-feed`.',
        tags: ['Calendar'],
        parameters: [{ name: 'token', in: 'path', required: true, description: 'The secret from the feed’s address.', schema: { type: 'string' } }],
        responses: {
          200: calendar('The feed.'),
          404: problem('Problem: `not_found` — the same for an unknown, rotated or revoked address.'),
          429: problem('Problem: `rate_limited`.'),
        },
      },
    },
  };
}
