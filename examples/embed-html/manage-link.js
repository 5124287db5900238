// Opens the booking from an email link of the older form (`?booking=bk_…&token=…`, in emails sent
// before December 2026) instead of the booking flow: the widget shows it to its customer — time,
// status, join, change, cancel. Newer emails link with `#slotwise-booking=…&slotwise-token=…`,
// which the widget reads itself (a fragment reaches no server: no site log keeps the token). A file of its own
// because the page's Content-Security-Policy allows no inline script. Loaded with `defer` before
// the widget's script, so the element has both attributes when it upgrades.
(function () {
  var params = new URLSearchParams(window.location.search);
  var booking = params.get('booking');
  var token = params.get('token');
  if (!booking || !token || !/^bk_[0-9a-z]+$/.test(booking) || !/^[\w-]{10,200}$/.test(token)) return;
  var element = document.querySelector('slotwise-booking');
  if (!element) return;
  element.setAttribute('booking', booking);
  element.setAttribute('token', token);
  var heading = document.querySelector('main h2');
  if (heading) heading.textContent = 'Your booking';
})();
