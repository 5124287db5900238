import type { VisitorClient } from '@slotwise/sdk';
import type { CreditBalance } from '@slotwise/sdk/contract';
import { dropFromQuery } from '../../internal/page-fragment.js';
import { LoaderController } from '../../loader-controller.js';

interface CreditsRequest {
  client: VisitorClient;
  token: string;
}

/** The URL parameter a credits email's link may carry the code in (`?slotwise_credits=crt_…`). */
export const CREDITS_PARAM = 'slotwise_credits';

const storageKey = (specialist: string) => `slotwise:credits:${specialist}`;

/** `sessionStorage`, or nothing where it is blocked (sandboxed iframes, some privacy modes). */
function session(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * The visitor's credits with one specialist: the credits token and the balance it reaches.
 * The token comes from a purchase just made, the `slotwise_credits` URL parameter of the email's
 * link, or a code typed in; it is kept for this visit only (`sessionStorage`, per specialist), never
 * longer — a shared computer's next visitor must not find it. A token the server does not know
 * (404) is forgotten at once.
 */
export class CreditsController extends LoaderController<CreditBalance, CreditsRequest> {
  token: string | undefined;
  private specialist = '';

  /** Picks up a token for `specialist` from the URL or this visit, and loads its balance. */
  connect(client: VisitorClient, specialist: string, search = globalThis.location?.search ?? ''): void {
    this.specialist = specialist;
    const fromUrl = new URLSearchParams(search).get(CREDITS_PARAM)?.trim();
    // Kept for this visit (sessionStorage), taken out of the page's address.
    if (fromUrl && search === globalThis.location?.search) dropFromQuery([CREDITS_PARAM]);
    const token = fromUrl || session()?.getItem(storageKey(specialist)) || undefined;
    if (token) void this.use(client, token);
    else if (this.token) this.forget();
  }

  /** Uses `token` from now on; answers the balance, or undefined when the server refused it. */
  async use(client: VisitorClient, token: string): Promise<CreditBalance | undefined> {
    this.token = token;
    const balance = await this.run({ client, token });
    if (balance && balance.specialist.handle === this.specialist) {
      session()?.setItem(storageKey(this.specialist), token);
    } else if (this.status === 'error' && this.error?.status === 404) {
      session()?.removeItem(storageKey(this.specialist));
      this.token = undefined;
    }
    return balance;
  }

  /** Whether a credit can pay for `serviceId` now. */
  covers(serviceId: string | undefined): boolean {
    const balance = this.value;
    return Boolean(serviceId && this.token && balance && balance.total > 0 && balance.services.includes(serviceId));
  }

  /** The soonest expiry among lots with credits left: the date shown next to the balance. */
  get expiresAt(): string | undefined {
    return this.value?.lots.find((lot) => lot.remaining > 0)?.expiresAt;
  }

  forget(): void {
    session()?.removeItem(storageKey(this.specialist));
    this.token = undefined;
    this.clear();
  }

  protected fetch({ client, token }: CreditsRequest): Promise<CreditBalance> {
    return client.credits.retrieve({ creditsToken: token });
  }
}
