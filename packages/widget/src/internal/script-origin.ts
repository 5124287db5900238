import { SlotwiseBooking } from '../components/booking/booking.component.js';

// The script-tag build is an ES module loaded from where the API serves it (directly, or by the
// classic loader `slotwise.js` from its own URL), so its own URL's origin is the API's. The entry
// imports this module before any define module, so the default is in place before
// `<slotwise-booking>` elements already in the page are upgraded.
if (!SlotwiseBooking.defaultApi && /^https?:/.test(import.meta.url)) {
  SlotwiseBooking.defaultApi = new URL(import.meta.url).origin;
}
