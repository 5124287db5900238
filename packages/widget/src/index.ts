export { SlotwiseBooking } from './components/booking/booking.js';
export { SlotwiseServicePicker } from './components/service-picker/service-picker.js';
export { SlotwiseCalendar } from './components/calendar/calendar.js';
export { SlotwiseTimeList } from './components/time-list/time-list.js';
export { SlotwiseDetailsForm } from './components/details-form/details-form.js';
export { SlotwisePayment } from './components/payment/payment.js';
export type { PaymentPhase } from './components/payment/payment.js';
export { SlotwiseConfirmation } from './components/confirmation/confirmation.js';
export { SlotwisePackages, SlotwisePackageForm } from './components/packages/packages.js';
export { PackagesFlow, type PendingPurchase } from './components/packages/packages-flow.js';
export { CreditsController, CREDITS_PARAM } from './components/packages/credits-controller.js';
export { SlotwiseAddToCalendar } from './components/add-to-calendar/add-to-calendar.js';
export { SlotwiseManage } from './components/manage/manage.js';
export { SlotwiseButton } from './components/button/button.js';
export { openPopup, closePopup } from './embed/open.js';
export type { PopupOptions } from './embed/options.js';
export type { SlotwisePopup } from './components/popup/popup.component.js';
export { ManageFlow } from './components/manage/manage-flow.js';
export type { CancelPhase, ManageSettings } from './components/manage/manage-flow.js';
export { RescheduleFlow } from './components/manage/manage-reschedule.js';
export type { RescheduleSettings } from './components/manage/manage-reschedule.js';
export { BookingFlow } from './components/booking/booking-flow.js';
export type { FlowSettings, PendingPayment } from './components/booking/booking-flow.js';
export { LoaderController, type LoadStatus } from './loader-controller.js';
export { SlotsController } from './slots-controller.js';
export type { SlotsRequest, SlotsStatus } from './slots-controller.js';
export { SpecialistController } from './specialist-controller.js';
export { ManagedBookingController } from './managed-booking-controller.js';
export type { ManagedBookingRequest } from './managed-booking-controller.js';
export { CountdownController } from './countdown-controller.js';
export type { CountdownOptions } from './countdown-controller.js';
export { JoinController } from './join-controller.js';
export type { JoinOptions } from './join-controller.js';
export type { JoinPhase } from './internal/join-window.js';
export { bookingContext } from './context.js';
export type { BookingContext, Selection } from './context.js';
export { emit } from './events.js';
export type {
  BookedDetail,
  CancelledDetail,
  ErrorDetail,
  JoinedDetail,
  JoinOpenedDetail,
  PackagePurchasedDetail,
  PaidDetail,
  PaymentStartedDetail,
  RescheduledDetail,
  ServiceSelectedDetail,
  SlotSelectedDetail,
  SlotwiseEvent,
  SlotwiseEventMap,
} from './events.js';
