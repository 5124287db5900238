import type { VisitorClient } from '@slotwise/sdk';
import type { Specialist } from '@slotwise/sdk/contract';
import { LoaderController } from './loader-controller.js';
import { profileUrl, takePrefetched } from './internal/prefetch.js';

/** A service to open on: `service` is its id or name slug (`intro-call`), `duration` minutes. */
export interface Preselect {
  service?: string | undefined;
  duration?: number | undefined;
  /** The visitor's zone, for the open times sent with the profile. */
  timeZone?: string | undefined;
}

interface ProfileRequest extends Preselect {
  client: VisitorClient;
  handle: string;
}

/**
 * Loads a specialist's public profile (name, bio, services) for its host, with the preselected
 * service's first open times in the same answer (`include=slots`): the service `preselect` names,
 * or their only one. One round trip, so services and open days paint together; with the script
 * tag, that round trip starts in the loader, beside the modules' (`internal/prefetch.ts`).
 */
export class SpecialistController extends LoaderController<Specialist, ProfileRequest> {
  load(client: VisitorClient, handle: string, preselect: Preselect = {}): Promise<Specialist | undefined> {
    return this.run({ client, handle, ...preselect });
  }

  protected async fetch({ client, handle, service, duration, timeZone }: ProfileRequest, signal: AbortSignal): Promise<Specialist> {
    // Started by the script-tag loader while the modules loaded, when it saw this element.
    const early = await takePrefetched(profileUrl(client.baseURL, handle, { service, duration, timeZone }));
    if (early) return early;
    const query = { include: 'slots' as const, ...(service ? { service } : {}), ...(duration ? { duration } : {}), ...(timeZone ? { timezone: timeZone } : {}) };
    return client.specialists.retrieve(handle, query, { signal });
  }
}
