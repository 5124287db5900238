export { startFakeTwilio, type FakeTwilio, type FakeTwilioOptions, type PlannedFailure, type TwilioRequest } from './fake-twilio.js';
export { errors as twilioErrors, twilioError, type TwilioError } from './errors.js';
export { segmentsOf, type MessageResource } from './messages.js';
