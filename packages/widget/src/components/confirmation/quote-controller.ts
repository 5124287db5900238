import type { VisitorClient } from '@slotwise/sdk';
import type { CancellationQuote } from '@slotwise/sdk/contract';
import { LoaderController } from '../../loader-controller.js';

interface QuoteRequest {
  client: VisitorClient;
  id: string;
  manageToken: string;
}

/**
 * What cancelling the just-made booking would do, asked of the server (the policy is the
 * service's, applied there): the confirmation says until when a refund applies from it, rather
 * than from rules copied into the widget.
 */
export class QuoteController extends LoaderController<CancellationQuote, QuoteRequest> {
  protected fetch({ client, id, manageToken }: QuoteRequest, signal: AbortSignal): Promise<CancellationQuote> {
    return client.bookings.cancellationQuote(id, { manageToken, signal });
  }

  /** Loads the quote for this booking once (again only for another booking). */
  load(request: QuoteRequest): void {
    if (this.request?.id === request.id && this.request.manageToken === request.manageToken) return;
    void this.run(request);
  }
}
