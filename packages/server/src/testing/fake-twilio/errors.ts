/**
 * Twilio's error bodies: `{ code, message, more_info, status }`, the code from Twilio's error
 * dictionary (twilio.com/docs/api/errors), `more_info` its page, `status` the HTTP status again.
 */
export interface TwilioError {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

export const twilioError = (status: number, code: number, message: string): TwilioError => ({
  code,
  message,
  more_info: `https://www.twilio.com/docs/errors/${code}`,
  status,
});

/** The refusals this fake knows, worded as Twilio words them. */
export const errors = {
  authenticate: () => twilioError(401, 20003, 'Authenticate'),
  notFound: (path: string) => twilioError(404, 20404, `The requested resource ${path} was not found`),
  methodNotAllowed: () => twilioError(405, 20004, 'Method not allowed'),
  tooManyRequests: () => twilioError(429, 20429, 'Too Many Requests'),
  internal: () => twilioError(500, 20500, 'Internal Server Error'),
  toRequired: () => twilioError(400, 21604, "A 'To' phone number is required."),
  fromRequired: () => twilioError(400, 21603, "A 'From' phone number is required."),
  bodyRequired: () => twilioError(400, 21602, 'Message body is required.'),
  invalidTo: (to: string) => twilioError(400, 21211, `Invalid 'To' Phone Number: ${to}`),
  sameToAndFrom: (to: string) => twilioError(400, 21266, `'To' and 'From' number cannot be the same: ${to}`),
  notYourNumber: (from: string) => twilioError(400, 21606, `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`),
  unknownService: (sid: string) => twilioError(400, 21705, `The Messaging Service Sid ${sid} is invalid.`),
  tooLong: () => twilioError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.'),
  unsubscribed: () => twilioError(400, 21610, 'Attempt to send to unsubscribed recipient'),
};
