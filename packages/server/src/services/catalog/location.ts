import type { ServiceLocation, ServiceLocationInput } from '@slotwise/sdk/contract';
import type { z } from 'zod';
import type { ServiceRow, SpecialistRow } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { t } from '../messages/index.js';

type LocationColumns = Pick<ServiceRow, 'locationKind' | 'meetingProvider' | 'locationDetail'>;

/** A service's location as its specialist reads it: the provider only for video, the detail only for phone and in person. */
export function serviceLocation(row: LocationColumns): ServiceLocation {
  return {
    kind: row.locationKind,
    provider: row.locationKind === 'video' ? row.meetingProvider : null,
    detail: row.locationKind === 'phone' || row.locationKind === 'in_person' ? row.locationDetail : null,
  };
}

/**
 * The columns a location sets, replacing the old one as a whole — after checking what the schema
 * cannot: a `link` location needs the specialist's own meeting link, and Zoom needs this server
 * to have Zoom set up (a service promising Zoom would otherwise get Jitsi rooms).
 */
export function locationColumns(deps: ServiceDeps, specialist: SpecialistRow, location: z.output<typeof ServiceLocationInput>): LocationColumns {
  if (location.kind === 'link' && !specialist.meetingLink) {
    const message = t('invalid_request.meeting_link_first');
    throw new ServiceError('invalid_request', t('invalid_request.field', { field: 'body.location.kind', message }), { errors: [{ field: 'body.location.kind', message }] });
  }
  if (location.provider === 'zoom' && !deps.meetings.zoom) {
    const message = t('invalid_request.zoom_missing');
    throw new ServiceError('invalid_request', t('invalid_request.field', { field: 'body.location.provider', message }), { errors: [{ field: 'body.location.provider', message }] });
  }
  return { locationKind: location.kind, meetingProvider: location.provider ?? 'jitsi', locationDetail: location.detail ?? null };
}
