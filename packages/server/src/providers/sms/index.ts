export { smsFromEnv } from './from-env.js';
export { loggedSms } from './logged.js';
export { maskNumbers, twilioSms, type TwilioOptions } from './twilio.js';
