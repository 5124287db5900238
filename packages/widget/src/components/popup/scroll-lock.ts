/**
 * Keeps the page behind a modal from scrolling, and gives it back exactly as it was. The
 * scrollbar's width becomes padding, so the page does not shift sideways when it disappears.
 */
export class ScrollLock {
  private saved: { overflow: string; paddingInlineEnd: string } | undefined;

  constructor(private readonly root: HTMLElement = document.documentElement) {}

  get locked(): boolean {
    return this.saved !== undefined;
  }

  lock(): void {
    if (this.saved) return;
    const { style } = this.root;
    const scrollbar = window.innerWidth - this.root.clientWidth;
    this.saved = { overflow: style.overflow, paddingInlineEnd: style.paddingInlineEnd };
    style.overflow = 'hidden';
    if (scrollbar > 0) style.paddingInlineEnd = `${scrollbar}px`;
  }

  unlock(): void {
    if (!this.saved) return;
    Object.assign(this.root.style, this.saved);
    this.saved = undefined;
  }
}
