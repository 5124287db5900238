/**
 * The "My bookings" session token, per API and specialist, in sessionStorage: this tab only, gone
 * when it closes, and never longer than the server's hour (the server refuses it after). Silent
 * where storage is refused: the session then lasts as long as the element.
 */
const key = (api: string, handle: string) => `slotwise:my:${api}:${handle}`;

export const sessionStore = {
  read(api: string, handle: string): string | undefined {
    try {
      return sessionStorage.getItem(key(api, handle)) ?? undefined;
    } catch {
      return undefined;
    }
  },
  write(api: string, handle: string, token: string): void {
    try {
      sessionStorage.setItem(key(api, handle), token);
    } catch {
      // Kept by the element only.
    }
  },
  clear(api: string, handle: string): void {
    try {
      sessionStorage.removeItem(key(api, handle));
    } catch {
      // Nothing was stored.
    }
  },
};
