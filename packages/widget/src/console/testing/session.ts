import { fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { ContextProvider } from '@lit/context';
import { createClient } from '@slotwise/sdk';
import type { Account, AuthTokens } from '@slotwise/sdk/contract';
import { consoleContext, type ConsoleSession } from '../context.js';
import { clockApi } from '../../testing/clock.js';

interface Login {
  email: string;
  password: string;
}

declare global {
  interface Window {
    /** The real API the console's tests use (see `startConsoleApi` in test/api-server.mjs). */
    __SLOTWISE_CONSOLE__: { api: string; logins: { demo: Login; operator: Login } };
  }
}

export const consoleApi = (): string => window.__SLOTWISE_CONSOLE__.api;
export const seededLogins = () => window.__SLOTWISE_CONSOLE__.logins;

let counter = 0;

/** A fresh specialist of this test's own on the console API (tests share its database). */
export async function signUpSpecialist(overrides: { timeZone?: string; currency?: string } = {}) {
  counter += 1;
  const handle = `t${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
  const email = `${handle}@example.com`;
  const password = 'correct horse battery staple';
  const client = createClient({ baseURL: consoleApi() });
  const tokens = await client.auth.signup({
    email,
    password,
    name: `Test ${handle}`,
    handle,
    timeZone: overrides.timeZone ?? 'Europe/Paris',
    currency: overrides.currency ?? 'EUR',
  });
  return { handle, email, password, tokens };
}

/** Logs `login` in (e.g. a seeded one) and answers its tokens. */
export function logIn(login: Login): Promise<AuthTokens> {
  return createClient({ baseURL: consoleApi() }).auth.login(login);
}

/** A `ConsoleSession` as `<slotwise-console>` shares it, for the account `tokens` belong to. */
export async function sessionFor(tokens: AuthTokens, record: { navigated: string[]; announced: string[]; loggedOut?: string[] } = { navigated: [], announced: [] }): Promise<ConsoleSession & typeof record & { loggedOut: string[] }> {
  const client = createClient({ baseURL: consoleApi(), apiKey: tokens.accessToken });
  const profile = tokens.account.role === 'specialist' ? await client.me.profile.retrieve() : null;
  const session = {
    loggedOut: [] as string[],
    ...record,
    client,
    apiBase: consoleApi(),
    account: tokens.account,
    profile,
    async refreshProfile() {
      if (tokens.account.role === 'specialist') Object.assign(session, { profile: await client.me.profile.retrieve() });
    },
    navigate: (route: string) => void record.navigated.push(route),
    announce: (message: string) => void record.announced.push(message),
    fetchFile: (url: string) => fetch(url, { headers: { authorization: `Bearer ${tokens.accessToken}` } }),
    /** Ends the login on the server as the shell does, and records the notice the login page would show. */
    async logOut(notice?: string) {
      session.loggedOut.push(notice ?? '');
      await createClient({ baseURL: consoleApi() }).auth.logout({ refreshToken: tokens.refreshToken }).catch(() => undefined);
    },
  };
  return session;
}

/**
 * Renders `template` inside an element that provides `session` as `<slotwise-console>` does,
 * and answers the first child.
 */
export async function inConsole<T extends HTMLElement>(template: TemplateResult, session: ConsoleSession): Promise<T> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  new ContextProvider(host, { context: consoleContext, initialValue: session });
  render(template, host);
  return host.firstElementChild as T;
}

/** A console session on the clock API for `client`, recording what it announces and where it navigates; nothing else it does has an effect. */
function clockSession(client: ReturnType<typeof createClient>, account: Account, profile: ConsoleSession['profile']): ConsoleSession & { announced: string[]; navigated: string[] } {
  const announced: string[] = [];
  const navigated: string[] = [];
  return {
    announced,
    navigated,
    client,
    apiBase: clockApi(),
    account,
    profile,
    refreshProfile: async () => undefined,
    navigate: (route) => void navigated.push(route),
    announce: (message) => void announced.push(message),
    fetchFile: (url) => fetch(url),
    logOut: async () => undefined,
  };
}

/** The seeded operator's console on the clock API, signed in with their password. */
export async function operatorOnClock(): Promise<ConsoleSession & { announced: string[]; navigated: string[] }> {
  const tokens = await createClient({ baseURL: clockApi() }).auth.login(window.__SLOTWISE_CLOCK__.operator);
  return clockSession(createClient({ baseURL: clockApi(), apiKey: tokens.accessToken }), tokens.account, null);
}

/**
 * The demo specialist's console on the clock API (see `startClockApi`), authorised by its API key
 * as the console's access token would be: only there can a test move time past a session's start.
 */
export async function demoOnClock(): Promise<ConsoleSession & { announced: string[]; navigated: string[] }> {
  const client = createClient({ baseURL: clockApi(), apiKey: window.__SLOTWISE_CLOCK__.apiKey });
  return clockSession(client, { role: 'specialist' } as Account, await client.me.profile.retrieve());
}
