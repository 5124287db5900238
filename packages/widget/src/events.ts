import type { Booking, Problem, Service, Slot } from '@slotwise/sdk/contract';

/** `slotwise:service-selected`: the visitor chose a service and one of its durations. */
export interface ServiceSelectedDetail {
  service: Service;
  /** Minutes. */
  duration: number;
}

/** `slotwise:slot-selected`: the visitor chose a start time. */
export interface SlotSelectedDetail {
  service: Service;
  duration: number;
  slot: Slot;
  /** The zone the time was shown in. */
  timeZone: string;
}

/**
 * `slotwise:booked`: the booking exists. `manageToken` is shown once; a host page that wants to
 * let the visitor manage the booking later must keep it (it grants read and cancel).
 */
export interface BookedDetail {
  booking: Booking;
  manageToken: string;
}

/** `slotwise:error`: something failed; `code` is the API's stable problem code. */
export interface ErrorDetail {
  code: string;
  status: number;
  message: string;
  problem?: Problem;
}

/** Every event the widget sends to the host page, by name. */
export interface SlotwiseEventMap {
  'slotwise:service-selected': ServiceSelectedDetail;
  'slotwise:slot-selected': SlotSelectedDetail;
  'slotwise:booked': BookedDetail;
  'slotwise:error': ErrorDetail;
}

export type SlotwiseEvent<K extends keyof SlotwiseEventMap> = CustomEvent<SlotwiseEventMap[K]>;

/** Dispatches a host-page event: it bubbles and crosses shadow roots, like native UI events. */
export function emit<K extends keyof SlotwiseEventMap>(target: EventTarget, type: K, detail: SlotwiseEventMap[K]): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'slotwise:service-selected': SlotwiseEvent<'slotwise:service-selected'>;
    'slotwise:slot-selected': SlotwiseEvent<'slotwise:slot-selected'>;
    'slotwise:booked': SlotwiseEvent<'slotwise:booked'>;
    'slotwise:error': SlotwiseEvent<'slotwise:error'>;
  }
}
