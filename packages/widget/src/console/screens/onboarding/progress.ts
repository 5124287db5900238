import type { AvailabilityRules, MyService, Profile, StripeStatus } from '@slotwise/sdk/contract';
import type { ConsoleSession } from '../../context.js';

/** What the server says is set up: each onboarding step is done or not from this alone. */
export interface Progress {
  services: MyService[];
  availability: AvailabilityRules;
  stripe: StripeStatus;
  done: { profile: boolean; service: boolean; hours: boolean; payments: boolean; embed: boolean };
}

export async function readProgress(session: ConsoleSession, signal?: AbortSignal): Promise<Progress> {
  const { me } = session.client;
  const [services, availability, stripe] = await Promise.all([me.services.list({ signal }), me.availability.retrieve({ signal }), me.stripe.retrieve({ signal })]);
  const profile = session.profile as Profile;
  const active = services.data.filter((s) => s.active);
  return {
    services: services.data,
    availability,
    stripe,
    done: {
      profile: profile.bio.trim().length > 0,
      service: active.length > 0,
      hours: availability.weekly.length > 0 || availability.recurring.length > 0,
      payments: stripe.chargesEnabled,
      embed: profile.allowedOrigins.length > 0,
    },
  };
}

/** Customers can book once there is an active service and some hours. */
export const isBookable = (progress: Progress) => progress.done.service && progress.done.hours;

export const isComplete = (progress: Progress) => Object.values(progress.done).every(Boolean);
