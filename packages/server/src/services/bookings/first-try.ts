import type { BookingCreate } from '@slotwise/sdk/contract';
import type { z } from 'zod';
import { and, type SQL } from 'drizzle-orm';
import { originAllowed } from '../catalog/catalog.js';
import type { BookingRow, ServiceRow, SpecialistRow } from '../../db/schema.js';
import { MINUTE_MS } from '../../domain/civil.js';
import { occupiedBy } from '../../domain/occupancy.js';
import { outsideBusyOf } from '../availability/slots.js';
import type { ServiceDeps } from '../deps.js';
import type { Applied } from '../promo/apply.js';
import type { NewBooking } from './road.js';
import { roomStill } from './seats.js';
import { assertOpen, seatOf } from './slot-check.js';
import { capsStill, rulesStill, type Warm } from './warm.js';

type CreateInput = z.output<typeof BookingCreate>;

/**
 * The rules a write without a fresh read is checked against: remembered (`warm.ts`), or read by
 * the snapshot before the payment provider's round trip — with the rules version they are of.
 */
export interface Known {
  rulesVersion: number;
  specialist: SpecialistRow;
  service: ServiceRow;
  /** The zone the service's day and week caps are counted in (the specialist's). */
  timeZone: string;
}

export const knownOf = (warm: Warm): Known => ({ rulesVersion: warm.rulesVersion, specialist: warm.specialist, service: warm.service, timeZone: warm.availability.timeZone });

/**
 * The guard of a booking written without a fresh read: nothing that moves the rules version
 * written since `known` was read, and — counted by the database itself at commit — room for it
 * (no booking in force overlapping, buffers and seats included) and the service's caps not
 * reached. `extra` adds what else the write depends on (the money facts of a priced one).
 */
export function rulesGuard(known: Known, row: Pick<BookingRow, 'startAt' | 'endAt' | 'bufferBefore' | 'bufferAfter'>, now: number, extra?: SQL): SQL {
  const room = roomStill(known.specialist.id, occupiedBy(row), now, seatOf(known.service, row.startAt, row.endAt));
  return and(rulesStill(known.specialist.id, known.rulesVersion), room, capsStill(known.service, row.startAt, known.timeZone, now), extra)!;
}

/**
 * Whether the remembered rules allow `input` (an active specialist, the origin, the duration,
 * the time open in them and in the outside calendars): its option and the outside busy times, or
 * `undefined` — remembered rules may allow a try, never refuse one, so the caller then reads.
 */
export async function warmCheck(deps: ServiceDeps, warm: Warm, input: CreateInput, origin: string | undefined, start: number, now: number) {
  const { specialist, service } = warm;
  if (specialist.status !== 'active') return undefined;
  if (!originAllowed(specialist, origin)) return undefined;
  const option = input.duration === undefined ? service.durations[0] : service.durations.find((d) => d.minutes === input.duration);
  if (!option) return undefined;
  const outside = (await outsideBusyOf(deps, warm.feeds, specialist, start, start + 1)).busy;
  try {
    assertOpen({ availability: warm.availability, counted: [], booked: [] }, { specialist, service, minutes: option.minutes, start, outside, now, label: input.start });
  } catch {
    return undefined;
  }
  return { option, outside };
}

/** What a new booking's row takes from the request besides the plan. */
export type Values = Pick<NewBooking, 'id' | 'holdExpiresAt' | 'clientHash' | 'visitorHash' | 'creditLotId' | 'manageTokenHash' | 'createdAt'>;

interface Priced {
  specialist: SpecialistRow;
  service: ServiceRow;
  minutes: number;
  price: number;
  promo?: Applied | undefined;
}

/** The new booking's row as the request and the checked plan make it. */
export function bookingValues(input: CreateInput, p: Priced, start: number, v: Values): NewBooking {
  return {
    ...v,
    specialistId: p.specialist.id,
    serviceId: p.service.id,
    startAt: start,
    endAt: start + p.minutes * MINUTE_MS,
    durationMinutes: p.minutes,
    bufferBefore: p.service.bufferBefore,
    bufferAfter: p.service.bufferAfter,
    customerName: input.customer.name,
    customerEmail: input.customer.email,
    customerTimeZone: input.customer.timeZone,
    customerLocale: input.customer.locale ?? 'en',
    customerPhone: input.customer.phone ?? null,
    smsConsent: input.customer.smsConsent,
    notes: input.notes ?? '',
    utm: input.utm && Object.keys(input.utm).length > 0 ? input.utm : null,
    price: p.price,
    currency: p.service.currency,
    promoCode: p.promo?.code.code ?? null,
    promoAmountOff: p.promo?.amountOff ?? null,
  };
}
