/** Provider messages often quote the address they refused; logs and `lastError` must not carry it. */
export const redactAddresses = (text: string): string => text.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, '<address>');
