import { SlotwiseBooking } from '../components/booking/booking.component.js';

// `currentScript` is only set while a classic script runs, so it is read at evaluation time.
// The script-tag entry imports this module before any define module, so the default is in
// place before `<slotwise-booking>` elements already in the page are upgraded.
const script = typeof document === 'undefined' ? null : document.currentScript;
if (script instanceof HTMLScriptElement && script.src && !SlotwiseBooking.defaultApi) {
  SlotwiseBooking.defaultApi = new URL(script.src, location.href).origin;
}
