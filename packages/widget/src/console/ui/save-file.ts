/**
 * Hands `blob` to the browser as a file download named `filename`: an object URL on a hidden link,
 * clicked once and released after the browser took it. The only way a page can save bytes it
 * fetched itself (with credentials a link could not carry) without a server round trip.
 */
export function saveFile(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
