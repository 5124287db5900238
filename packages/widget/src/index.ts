export { SlotwiseBooking } from './components/booking/booking.js';
export { SlotwiseServicePicker } from './components/service-picker/service-picker.js';
export { SlotwiseCalendar } from './components/calendar/calendar.js';
export { SlotwiseTimeList } from './components/time-list/time-list.js';
export { SlotwiseDetailsForm } from './components/details-form/details-form.js';
export { SlotwisePayment } from './components/payment/payment.js';
export type { PaymentPhase } from './components/payment/payment.js';
export { SlotwiseConfirmation } from './components/confirmation/confirmation.js';
export { BookingFlow } from './components/booking/booking-flow.js';
export type { FlowSettings, PendingPayment } from './components/booking/booking-flow.js';
export { LoaderController, type LoadStatus } from './loader-controller.js';
export { SlotsController } from './slots-controller.js';
export type { SlotsRequest, SlotsStatus } from './slots-controller.js';
export { SpecialistController } from './specialist-controller.js';
export { CountdownController } from './countdown-controller.js';
export type { CountdownOptions } from './countdown-controller.js';
export { bookingContext } from './context.js';
export type { BookingContext, Selection } from './context.js';
export { emit } from './events.js';
export type {
  BookedDetail,
  ErrorDetail,
  PaidDetail,
  PaymentStartedDetail,
  ServiceSelectedDetail,
  SlotSelectedDetail,
  SlotwiseEvent,
  SlotwiseEventMap,
} from './events.js';
