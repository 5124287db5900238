import { z } from 'zod';
import { Currency, Handle, Instant, IsoDate, MinorAmount, TimeZone } from './common.js';
import { PublicServiceLocation } from './locations.js';
import { Package } from './packages.js';
import { say } from './messages.js';
import { Rating } from './reviews.js';

export const ServiceDuration = z.strictObject({
  minutes: z.number().int().min(5).max(480),
  price: MinorAmount,
});

/** The most seats one session of a group service may have. */
export const MAX_CAPACITY = 100;

/** Seats per session: 1 is a one-to-one service, more a group session. */
export const Capacity = z
  .number({ message: say('service_capacity', { max: MAX_CAPACITY }) })
  .int({ message: say('service_capacity', { max: MAX_CAPACITY }) })
  .min(1, { message: say('service_capacity', { max: MAX_CAPACITY }) })
  .max(MAX_CAPACITY, { message: say('service_capacity', { max: MAX_CAPACITY }) })
  .meta({ description: `Seats per session: 1 = one-to-one; 2–${MAX_CAPACITY} = a group session, open until its seats are taken.` });

export const Service = z
  .strictObject({
    id: z.string().meta({ example: 'svc_4kq0m3x9c2' }),
    name: z.string(),
    description: z.string(),
    currency: Currency,
    durations: z.array(ServiceDuration).min(1),
    /** Where the session happens (video, the specialist's link, phone, in person, none): the kind only. */
    location: PublicServiceLocation,
    capacity: Capacity,
  })
  .meta({ id: 'Service' });

/** The widest window one slots request may ask for, in days. */
export const MAX_SLOT_WINDOW_DAYS = 62;

export const SlotsQuery = z.strictObject({
  service: z.string().min(1).max(64).meta({ description: 'The service id.' }),
  duration: z.coerce
    .number<number>({ message: say('whole_minutes') })
    .int({ message: say('whole_minutes') })
    .positive()
    .optional()
    .meta({ description: "Minutes; defaults to the service's first duration." }),
  from: IsoDate.optional().meta({ description: "First date, in `timezone`; defaults to today there." }),
  to: IsoDate.optional().meta({
    description: `Last date (inclusive), in \`timezone\`; defaults to 30 days after \`from\`; at most ${MAX_SLOT_WINDOW_DAYS} days after it.`,
  }),
  timezone: TimeZone.optional().meta({
    description: "The visitor's zone: slots are grouped by its dates. Defaults to the specialist's zone.",
  }),
});

export const Slot = z.strictObject({
  start: Instant,
  end: Instant,
  seatsLeft: z.number().int().min(1).optional().meta({ description: 'Seats still open at this start; only for a group service (capacity above 1).' }),
});

export const SlotsDay = z.strictObject({
  date: IsoDate.meta({ description: 'A date in the requested zone.' }),
  slots: z.array(Slot),
});

export const Slots = z
  .strictObject({
    service: z.string(),
    duration: z.number().int(),
    timeZone: TimeZone,
    from: IsoDate,
    to: IsoDate,
    days: z.array(SlotsDay).meta({ description: 'Only dates with at least one open start time, in order.' }),
  })
  .meta({ id: 'Slots' });

export const Specialist = z
  .strictObject({
    handle: Handle,
    name: z.string(),
    bio: z.string(),
    photoUrl: z.string().nullable().meta({ description: 'An https address of their photo; null when they set none.' }),
    timeZone: TimeZone,
    services: z.array(Service),
    /** Packages of sessions for sale, paid once and booked with credits. */
    packages: z.array(Package),
    acceptingBookings: z.boolean().meta({
      description: 'false: they take no new bookings right now (their slots are empty, a booking is refused with `specialist_unavailable`); show `unavailableReason` instead of a calendar.',
    }),
    unavailableReason: z.enum(['suspended', 'closed']).nullable().meta({
      description: 'Why `acceptingBookings` is false: `suspended` by the platform, or `closed` by the specialist; null while accepting.',
    }),
    acceptingPaidBookings: z.boolean().meta({
      description: 'false while the specialist has not verified their email (or takes no bookings at all): priced services show no slots and refuse bookings and purchases (`specialist_unverified`); free ones stay bookable.',
    }),
    rating: Rating.meta({ description: 'The average of their visible reviews and how many there are (`GET /v1/specialists/{handle}/reviews` lists them).' }),
    slots: Slots.optional().meta({
      description:
        'Only with `include=slots`, when a service is preselected (`service`, or the only one): its open times for the first month with any, from today up to two months ahead — the answer `listSlots` gives for that month in `timezone`. Absent otherwise.',
    }),
  })
  .meta({ id: 'Specialist' });

export const SpecialistQuery = z.strictObject({
  include: z.enum(['slots']).optional().meta({
    description: '`slots`: also answer with the preselected service\'s first open times (`slots`), saving the widget a second round trip.',
  }),
  service: z.string().min(1).max(64).optional().meta({
    description: "The service to preselect: its id or its name as a slug (`intro-call`). Without it, the specialist's only service, if they have one. An unknown one preselects nothing.",
  }),
  duration: z.coerce
    .number<number>({ message: say('whole_minutes') })
    .int({ message: say('whole_minutes') })
    .positive()
    .optional()
    .meta({ description: "Minutes; the service's first duration when omitted or not offered." }),
  timezone: TimeZone.optional().meta({ description: "The visitor's zone for `slots`. Defaults to the specialist's zone." }),
});

export const SpecialistParams = z.strictObject({ handle: Handle });

export type ServiceDuration = z.infer<typeof ServiceDuration>;
export type Service = z.infer<typeof Service>;
export type Specialist = z.infer<typeof Specialist>;
export type SlotsQuery = z.input<typeof SlotsQuery>;
export type SpecialistQuery = z.input<typeof SpecialistQuery>;
export type Slot = z.infer<typeof Slot>;
export type SlotsDay = z.infer<typeof SlotsDay>;
export type Slots = z.infer<typeof Slots>;
