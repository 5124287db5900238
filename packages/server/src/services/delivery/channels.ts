import { emailChannel } from '../mail/channel.js';
import { meetingChannel } from '../meetings/channel.js';
import { inAppChannel } from '../notifications/in-app.js';
import { smsChannel } from '../sms/channel.js';
import { webhookChannel } from '../webhooks/channel.js';
import type { DeliveryChannel } from './channel.js';

/**
 * Every channel, in planning order: a channel may wait for what an earlier one planned for the
 * same change (the invite email waits for the meeting that it shows).
 */
export const CHANNELS: readonly DeliveryChannel[] = [meetingChannel, inAppChannel, emailChannel, webhookChannel(), smsChannel];
