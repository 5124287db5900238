import { z } from 'zod';
import { Currency, Email, Handle, Instant, MinorAmount, TimeZone } from './common.js';

export const BookingStatus = z.enum(['held', 'confirmed', 'cancelled', 'expired', 'completed', 'no_show']);

export const Customer = z.object({
  name: z.string().trim().min(1, { message: 'Tell us your name.' }).max(120),
  email: Email,
  timeZone: TimeZone,
});

export const BookingCreate = z
  .object({
    specialist: Handle,
    service: z.string().min(1).max(64),
    duration: z.number().int().positive().optional().meta({ description: "Minutes; defaults to the service's first duration." }),
    start: Instant.meta({ description: 'A start time offered by the slots endpoint.' }),
    customer: Customer,
    notes: z.string().max(2000).optional(),
  })
  .strict()
  .meta({ id: 'BookingCreate' });

export const Booking = z
  .object({
    id: z.string().meta({ example: 'bk_9t3mzq0c5v1x' }),
    status: BookingStatus,
    specialist: z.object({ handle: Handle, name: z.string(), timeZone: TimeZone }),
    service: z.object({ id: z.string(), name: z.string() }),
    start: Instant,
    end: Instant,
    duration: z.number().int(),
    customer: Customer,
    notes: z.string(),
    price: MinorAmount,
    currency: Currency,
    createdAt: Instant,
    cancelledAt: Instant.nullable(),
    cancellationReason: z.string().nullable(),
  })
  .meta({ id: 'Booking' });

export const BookingCreated = z
  .object({
    booking: Booking,
    manageToken: z.string().meta({
      description: 'Shown once. Send it as `Authorization: Bearer <token>` to read or cancel this booking.',
    }),
  })
  .meta({ id: 'BookingCreated' });

export const BookingParams = z.object({ id: z.string().min(1).max(64) });

export const BookingCancel = z
  .object({ reason: z.string().trim().max(500).optional() })
  .strict()
  .meta({ id: 'BookingCancel' });

export type BookingStatus = z.infer<typeof BookingStatus>;
export type Customer = z.infer<typeof Customer>;
export type BookingCreate = z.input<typeof BookingCreate>;
export type Booking = z.infer<typeof Booking>;
export type BookingCreated = z.infer<typeof BookingCreated>;
export type BookingCancel = z.input<typeof BookingCancel>;
