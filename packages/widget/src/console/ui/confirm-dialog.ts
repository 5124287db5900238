import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';

/** What a destructive action asks before it runs. */
export interface ConfirmRequest {
  heading: string;
  /** The consequence, in a sentence: what happens and what cannot be undone. */
  consequence: string;
  /** The confirming button's words, e.g. "Cancel booking". */
  action: string;
  /** The button that backs out; "Keep it" by default. */
  back?: string;
}

/**
 * A modal `<dialog>` that states an action's consequence and answers whether the person went on.
 * The browser's modal dialog traps focus and closes on Escape (answering false); focus returns to
 * what opened it, so the keyboard path stays where it was.
 *
 * @example
 * if (await this.confirm.ask({ heading: 'Revoke this key?', consequence: '…', action: 'Revoke' })) …
 * render() { return html`… ${this.confirm.render()}`; }
 */
export class ConfirmController implements ReactiveController {
  request: ConfirmRequest | undefined;
  private resolve: ((ok: boolean) => void) | undefined;
  private readonly dialog = createRef<HTMLDialogElement>();
  private opener: HTMLElement | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.settle(false);
  }

  async ask(request: ConfirmRequest): Promise<boolean> {
    this.settle(false);
    this.opener = (this.host.shadowRoot?.activeElement as HTMLElement | null) ?? null;
    this.request = request;
    const answer = new Promise<boolean>((resolve) => (this.resolve = resolve));
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.dialog.value?.showModal();
    return answer;
  }

  private settle(ok: boolean): void {
    const resolve = this.resolve;
    this.resolve = undefined;
    if (!resolve) return;
    this.dialog.value?.close();
    this.request = undefined;
    this.host.requestUpdate();
    this.opener?.focus();
    resolve(ok);
  }

  render() {
    const request = this.request;
    if (!request) return nothing;
    return html`<dialog ${ref(this.dialog)} part="confirm" aria-labelledby="confirm-heading" aria-describedby="confirm-consequence"
      @cancel=${(event: Event) => {
        event.preventDefault();
        this.settle(false);
      }}>
      <h2 id="confirm-heading">${request.heading}</h2>
      <p id="confirm-consequence">${request.consequence}</p>
      <div class="actions">
        <button type="button" part="confirm-back" autofocus @click=${() => this.settle(false)}>${request.back ?? 'Keep it'}</button>
        <button type="button" class="danger" part="confirm-action" @click=${() => this.settle(true)}>${request.action}</button>
      </div>
    </dialog>`;
  }
}
