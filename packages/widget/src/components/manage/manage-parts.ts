/**
 * The parts `<slotwise-manage>` renders (its inner elements' included), for a host that shows it
 * to export them all: `exportparts=${manageParts}`. Kept beside the view it lists;
 * `manage-join.test.ts` fails when the view renders a part missing here.
 */
export const manageParts = [
  'manage', 'manage-title', 'when', 'zone', 'booking-status', 'countdown', 'payment-summary', 'receipt',
  'join-panel', 'join-countdown', 'join', 'join-remaining', 'join-waiting', 'join-check', 'location', 'location-phone',
  'follow-up', 'feedback', 'shared-notes', 'recording', 'review-form', 'review', 'stars', 'review-response',
  'actions', 'cancel', 'cancel-panel', 'quote', 'reason', 'confirm-cancel', 'keep',
  'reschedule', 'move-closed', 'reschedule-panel', 'confirm-reschedule', 'keep-time', 'alert',
  'calendar', 'month-label', 'nav-button', 'day', 'day-open', 'day-selected', 'times', 'time', 'time-selected', 'seats',
  'add-to-calendar', 'calendar-ics', 'calendar-google',
].join(', ');
