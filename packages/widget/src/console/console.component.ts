import { ContextProvider } from '@lit/context';
import type { Account, AuthTokens } from '@slotwise/sdk/contract';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { describeError } from '../internal/errors.js';
import { tokens } from '../styles/tokens.js';
import './auth/auth-forms.js';
import { FLASH_EVENT, isRecoveryScreen, type Flash } from './auth/recovery-links.js';
import { UNREAD_EVENT } from './routes.js';
import { TokenKeeper } from './auth/token-keeper.js';
import { consoleStyles } from './styles.js';
import { consoleContext, type ConsoleSession } from './context.js';
import { shellStyles } from './console.styles.js';
import { hashFor, parseHash, type ConsoleRoute } from './router.js';
import { screensFor } from './routes.js';
import './ui/standing-banner.js';

type Phase = 'starting' | 'out' | 'in';

/**
 * @summary The specialist console: log in or sign up, then every screen of the practice.
 *
 * Routes live in the hash (`#/services/svc_1`), so the console works on any static page. Each
 * screen is loaded on its first visit. Screens share one `ConsoleSession` through `consoleContext`;
 * the session object is replaced (never mutated) when the login or the profile changes.
 * On navigation the page heading takes focus; `announce` writes to one polite status region.
 *
 * @cssproperty --slotwise-accent - and the other `--slotwise-*` tokens of the widget.
 */
export class SlotwiseConsole extends LitElement {
  static override styles = [tokens, consoleStyles, shellStyles];

  /** Where the API lives, e.g. `https://api.slotwise.dev`. */
  @property() api = '';
  @state() private phase: Phase = 'starting';
  /** The token of an emailed link (`#/reset?token=…`), taken out of the address bar when read. */
  @state() private linkToken = '';
  @state() private route: ConsoleRoute = this.takeRoute();
  /** A sentence for the page of `flash.screen`, from the page that sent the specialist there. */
  @state() private flash: Flash | undefined;
  /** The forgot/reset/verify pages, loaded on the first visit of one (a chunk of their own). */
  @state() private recoveryPages: 'loading' | 'loaded' | undefined;
  @state() private loaded = new Set<string>();
  @state() private loadFailure = '';
  @state() private status = '';
  @state() private notice = '';
  @state() private menuOpen = false;
  /** The specialist's unread notifications, beside Notifications in the navigation (read again on each move). */
  @state() private unread = 0;
  @query('main h1') private heading!: HTMLElement | null;

  private keeper: TokenKeeper | undefined;
  private readonly provider = new ContextProvider(this, { context: consoleContext });

  constructor() {
    super();
    this.addEventListener(FLASH_EVENT, (event) => (this.flash = (event as CustomEvent<Flash>).detail));
    // The Notifications screen says how many are left unread after marking some read.
    this.addEventListener(UNREAD_EVENT, (event) => (this.unread = (event as CustomEvent<number>).detail));
    // What an action began on (a click's element, a key's focused one): where focus returns after it (`keepFocus`).
    const remember = (event: Event) => (this.lastFocused = event.composedPath()[0] as Element);
    this.addEventListener('click', remember, true);
    this.addEventListener('keydown', remember, true);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.onHashChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (isRecoveryScreen(this.route.screen) && !this.recoveryPages) void this.loadRecoveryPages();
    // A new API is a new login: whatever was kept for the previous one does not apply.
    if (changed.has('api')) void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.onHashChange);
    clearTimeout(this.statusTimer);
    this.keeper?.dispose();
  }

  private get session(): ConsoleSession | undefined {
    return this.provider.value;
  }

  private async start() {
    const apiBase = this.api.replace(/\/+$/, '');
    this.keeper?.dispose();
    this.provider.setValue(undefined);
    this.phase = 'starting';
    if (!apiBase) return;
    this.keeper = new TokenKeeper({ apiBase, onChange: (tokens, reason) => void this.loginChanged(tokens, reason) });
    if (!(await this.keeper.resume())) this.phase = 'out';
  }

  private async loginChanged(tokens: AuthTokens | undefined, reason?: string) {
    if (!tokens) {
      this.provider.setValue(undefined);
      this.phase = 'out';
      this.notice = reason ?? '';
      return;
    }
    this.notice = '';
    // While the profile is read, say so rather than leave the login (or reset) form up.
    if (this.phase === 'out') this.phase = 'starting';
    try {
      await this.share(tokens.account);
      this.phase = 'in';
      // A login resumed on #/login (a bookmark, a reload) goes home rather than to "Page not found".
      if (this.route.screen === 'login' || this.route.screen === 'signup') return void (location.hash = '#/home');
      void this.open(this.route);
    } catch (error) {
      this.phase = 'out';
      this.notice = describeError(error).message;
    }
  }

  /** Shares a new session for `account`, with the profile read now. */
  private async share(account: Account) {
    const keeper = this.keeper!;
    const client = keeper.client;
    const profile = account.role === 'specialist' ? await client.me.profile.retrieve() : null;
    const session: ConsoleSession = {
      client,
      apiBase: client.baseURL,
      account,
      profile,
      refreshProfile: () => this.share(account),
      navigate: (route) => void (location.hash = hashFor(route)),
      announce: (message) => this.announce(message),
      fetchFile: (url) => keeper.fetchFile(url),
      logOut: async (notice) => {
        await keeper.logout();
        this.notice = notice ?? '';
      },
    };
    this.provider.setValue(session);
    this.requestUpdate();
  }

  /** How long a sentence stays in the status line: long enough to read, gone before it goes stale. */
  @property({ attribute: false }) statusMs = 10_000;
  private statusTimer: ReturnType<typeof setTimeout> | undefined;

  /** The element in the console that last had focus (the deepest, through shadow roots): `keepFocus` returns to it. */
  private lastFocused: Element | undefined;

  private announce(message: string) {
    // Emptied first, so the same sentence twice in a row is read out twice.
    this.status = '';
    clearTimeout(this.statusTimer);
    requestAnimationFrame(() => {
      void import('./keep-focus.js').then(({ keepFocus }) => keepFocus(() => this.lastFocused, () => this.heading));
      this.status = message;
      // A "saved" must not still stand beside a later save's error: the line empties again.
      this.statusTimer = setTimeout(() => (this.status = ''), this.statusMs);
    });
  }

  /**
   * Reads the route from the address bar. An emailed link's token is kept in memory and replaced
   * out of the address (and so out of the history and of any later Referer) as soon as it is read.
   */
  private takeRoute(): ConsoleRoute {
    const route = parseHash(location.hash);
    const token = route.query.get('token');
    if (isRecoveryScreen(route.screen) && token !== null) {
      this.linkToken = token;
      route.query.delete('token');
      history.replaceState(history.state, '', `${location.pathname}${location.search}${hashFor(route.screen)}`);
    } else if (route.screen !== this.route?.screen) {
      this.linkToken = ''; // left the link's page: a later visit without a link has no token
    }
    return route;
  }

  private readonly onHashChange = async () => {
    this.route = this.takeRoute();
    if (this.flash?.screen !== this.route.screen) this.flash = undefined;
    this.menuOpen = false;
    this.loadFailure = '';
    if (this.phase !== 'in') return;
    if (this.route.screen === 'login' || this.route.screen === 'signup') return void (location.hash = '#/home');
    await this.open(this.route);
    await this.updateComplete;
    this.heading?.focus();
  };

  /** Loads the screen's module on its first visit; reads the unread count again on every visit. */
  private async open(route: ConsoleRoute) {
    if (this.session?.profile) void this.session.client.me.notifications.list({ limit: 1 }).then((page) => (this.unread = page.unread), () => undefined);
    const screen = this.allowed().find(([name]) => name === route.screen)?.[1];
    if (!screen || this.loaded.has(route.screen)) return;
    this.loadFailure = '';
    try {
      await screen.load();
      this.loaded = new Set([...this.loaded, route.screen]);
    } catch (error) {
      this.loadFailure = `This page could not be loaded (${describeError(error).message}). Check your connection and reload.`;
    }
  }

  private allowed() {
    return this.session ? screensFor(this.session.account.role) : [];
  }

  override render() {
    if (!this.api) return html`<p class="error" role="alert">Set the console’s <code>api</code> attribute to your Slotwise API’s address.</p>`;
    if (this.phase === 'starting') return html`<p role="status" class="starting">Loading your console…</p>`;
    if (isRecoveryScreen(this.route.screen)) return this.recovery(this.route.screen);
    if (this.phase === 'out' || !this.session) {
      const mode = this.route.screen === 'signup' ? 'signup' : 'login';
      return html`<slotwise-console-auth .keeper=${this.keeper!} mode=${mode} notice=${this.notice}></slotwise-console-auth>`;
    }
    return this.layout();
  }

  private async loadRecoveryPages() {
    this.recoveryPages = 'loading';
    try {
      await import('./auth/recovery.js');
      this.recoveryPages = 'loaded';
    } catch (error) {
      this.recoveryPages = undefined;
      this.loadFailure = `This page could not be loaded (${describeError(error).message}). Check your connection and reload.`;
    }
  }

  /** Forgot, reset and verify: whole pages of their own, logged in or not. */
  private recovery(screen: 'forgot' | 'reset' | 'verify') {
    if (this.loadFailure) return html`<p class="error" role="alert">${this.loadFailure}</p>`;
    if (this.recoveryPages !== 'loaded') return html`<p role="status" class="starting">Loading…</p>`;
    const keeper = this.keeper!;
    if (screen === 'forgot') return html`<slotwise-console-forgot .keeper=${keeper}></slotwise-console-forgot>`;
    if (screen === 'reset') return html`<slotwise-console-reset .keeper=${keeper} .token=${this.linkToken}></slotwise-console-reset>`;
    return html`<slotwise-console-verify .keeper=${keeper} .token=${this.linkToken}></slotwise-console-verify>`;
  }

  private layout() {
    const screens = this.allowed();
    const current = screens.find(([name]) => name === this.route.screen);
    return html`
      <button class="skip" type="button" @click=${this.skip}>Skip to content</button>
      <header @keydown=${this.closeMenu}>
        <span class="brand">Slotwise</span>
        <button class="menu" type="button" aria-expanded=${this.menuOpen ? 'true' : 'false'} aria-controls="console-nav" @click=${() => (this.menuOpen = !this.menuOpen)}>Menu</button>
        <nav id="console-nav" aria-label="Console" class=${this.menuOpen ? 'open' : ''}>
          <ul>
            ${screens
              .filter(([, screen]) => screen.nav)
              .map(([name, screen]) => html`<li><a href=${hashFor(name)} aria-current=${name === this.route.screen ? 'page' : 'false'}>${screen.label}${name === 'notifications' && this.unread ? html` <span class="count">${this.unread}<span class="visually-hidden"> unread</span></span>` : nothing}</a></li>`)}
            <li><button type="button" class="logout" @click=${() => this.keeper?.logout()}>Log out</button></li>
          </ul>
        </nav>
      </header>
      <main id="main">
        <h1 tabindex="-1">${current ? current[1].label : 'Page not found'}</h1>
        ${this.flash?.screen === this.route.screen ? html`<p class="card flash" role="status">${this.flash.message}</p>` : nothing}
        <slotwise-console-standing></slotwise-console-standing>
        ${current ? this.screen(this.route.screen) : html`<p>There is no page at this address. <a href="#/home">Go to your console’s home</a>.</p>`}
      </main>
      <p class="status" role="status">${this.status}</p>
    `;
  }

  private screen(name: string) {
    if (this.loadFailure) return html`<p class="error" role="alert">${this.loadFailure}</p>`;
    if (!this.loaded.has(name)) return html`<p class="muted">Loading…</p>`;
    // The tag comes from the route table, never from the address bar.
    const tag = unsafeStatic(`slotwise-console-${name}`);
    return staticHtml`<${tag} route=${this.route.rest}></${tag}>`;
  }

  /** Escape closes the open menu (on a narrow screen) and puts focus back on its button. */
  private closeMenu(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !this.menuOpen) return;
    this.menuOpen = false;
    this.renderRoot.querySelector<HTMLElement>('button.menu')?.focus();
  }

  /** A button, not a link: the hash is the router's, and `#main` could not reach into the shadow root. */
  private skip() {
    this.heading?.focus();
  }
}
