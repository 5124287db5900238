import type { SlotwiseClient } from '@slotwise/sdk';
import type { Specialist } from '@slotwise/sdk/contract';
import { LoaderController } from './loader-controller.js';

/** Loads a specialist's public profile (name, bio, services) for its host. */
export class SpecialistController extends LoaderController<Specialist, { client: SlotwiseClient; handle: string }> {
  load(client: SlotwiseClient, handle: string): Promise<Specialist | undefined> {
    return this.run({ client, handle });
  }

  protected fetch({ client, handle }: { client: SlotwiseClient; handle: string }, signal: AbortSignal): Promise<Specialist> {
    return client.specialists.retrieve(handle, { signal });
  }
}
