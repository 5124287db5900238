import { eventually } from '../../testing/helpers.js';

/**
 * Runs `click` and answers the name and text of the file the page handed the browser to download
 * (`ui/save-file.ts`): the Blob given to `URL.createObjectURL` and the link's `download` name,
 * caught instead of saved, so a test reads exactly what the specialist would get.
 */
export async function downloaded(click: () => void): Promise<{ name: string; text: string }> {
  const original = URL.createObjectURL;
  const anchorClick = HTMLAnchorElement.prototype.click;
  let blob: Blob | undefined;
  let name = '';
  URL.createObjectURL = (object: Blob | MediaSource) => ((blob = object as Blob), 'blob:test');
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    name = this.download;
  };
  try {
    click();
    await eventually(() => blob && name, 'a download');
  } finally {
    URL.createObjectURL = original;
    HTMLAnchorElement.prototype.click = anchorClick;
  }
  return { name, text: await blob!.text() };
}
