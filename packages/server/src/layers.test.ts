import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverSourceFiles, srcDir } from './testing/source-files.js';

// Imports only go down: domain ← services ← http ← app ← entries; providers implement the ports
// services declare. A scheduler tick, an edge cron handler or a CLI can then call services
// without Hono. This reads every import of the source (tests aside) and holds it to that.

const src = srcDir;
const files = serverSourceFiles();

/**
 * Where each file's imports lead: other source files (by path) and packages (by name). Type-only
 * imports leave no trace at run time (a row's type is not a query), so they are not counted.
 */
function importsOf(file: string): { files: string[]; packages: string[] } {
  const text = readFileSync(join(src, file), 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)(\s+type\b)?[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .filter((m) => !m[1])
    .map((m) => m[2] ?? m[3]!);
  return {
    files: specs.filter((s) => s.startsWith('.')).map((s) => posix.normalize(posix.join(posix.dirname(file), s)).replace(/\.js$/, '.ts')),
    packages: specs.filter((s) => !s.startsWith('.')),
  };
}

const layer = (file: string) => file.split('/')[0]!.replace(/\.ts$/, '');
const ENTRIES = ['node', 'main', 'demo', 'index', 'seed', 'edge', 'settings', 'deliveries-thread', 'delivery-worker'];

describe('layers', () => {
  it('finds the source files', () => {
    expect(files).toEqual(expect.arrayContaining(['domain/slots.ts', 'services/bookings/road.ts', 'http/define-route.ts', 'app.ts', 'main.ts']));
  });

  it('keeps the domain pure: no I/O, no framework, nothing from above', () => {
    const offenders = files
      .filter((f) => layer(f) === 'domain')
      .flatMap((f) => {
        const { files: targets, packages } = importsOf(f);
        return [
          ...targets.filter((t) => layer(t) !== 'domain').map((t) => `${f} → ${t}`),
          ...packages.filter((p) => !['rrule', '@js-temporal/polyfill', '@slotwise/sdk/contract'].includes(p)).map((p) => `${f} → ${p}`),
        ];
      });
    expect(offenders).toEqual([]);
  });

  it('keeps services free of HTTP: no Hono, no route, middleware, app or entry', () => {
    const offenders = files
      .filter((f) => layer(f) === 'services')
      .flatMap((f) => {
        const { files: targets, packages } = importsOf(f);
        return [
          ...targets.filter((t) => ['http', 'app', 'app-env', 'providers', ...ENTRIES].includes(layer(t))).map((t) => `${f} → ${t}`),
          ...packages.filter((p) => p === 'hono' || p.startsWith('hono/') || p.startsWith('@hono/') || p.startsWith('node:')).map((p) => `${f} → ${p}`),
        ];
      });
    expect(offenders).toEqual([]);
  });

  it('lets providers implement ports without reaching up into HTTP or the app', () => {
    const offenders = files
      .filter((f) => layer(f) === 'providers')
      .flatMap((f) => importsOf(f).files.filter((t) => ['http', 'app', 'app-env', ...ENTRIES].includes(layer(t))).map((t) => `${f} → ${t}`));
    expect(offenders).toEqual([]);
  });

  it('keeps HTTP below the app: routes and middleware reach the database only through services', () => {
    const offenders = files
      .filter((f) => layer(f) === 'http')
      .flatMap((f) => {
        const { files: targets, packages } = importsOf(f);
        return [
          ...targets.filter((t) => ['app', ...ENTRIES].includes(layer(t)) || t === 'db/schema.ts' || t === 'db/client.ts').map((t) => `${f} → ${t}`),
          ...packages.filter((p) => p === 'drizzle-orm' || p.startsWith('drizzle-orm/')).map((p) => `${f} → ${p}`),
        ];
      });
    expect(offenders).toEqual([]);
  });

  it('keeps the app and the Workers entry free of Node-only modules (edge-bundle.test.ts builds it)', () => {
    const reachable = new Set<string>();
    const visit = (file: string) => {
      if (reachable.has(file)) return;
      reachable.add(file);
      for (const next of importsOf(file).files) if (files.includes(next)) visit(next);
    };
    visit('app.ts');
    visit('edge.ts');
    const NODE_ONLY = ['@hono/node-server', 'undici', 'nodemailer', 'smtp-server', 'mailparser'];
    const nodeOnly = [...reachable].flatMap((f) => importsOf(f).packages.filter((p) => p.startsWith('node:') || NODE_ONLY.includes(p)).map((p) => `${f} → ${p}`));
    expect(nodeOnly).toEqual([]);
  });
});
