export { RATE_LIMITED, startFakeZoom, type FakeZoom, type FakeZoomOptions, type Outage, type RecordedZoomRequest } from './fake-zoom.js';
export type { ZoomMeetingObject } from './meetings.js';
export type { ZoomDelivery } from './webhooks.js';
