import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The server's `src/` folder, with a trailing slash. */
export const srcDir = fileURLToPath(new URL('../', import.meta.url));

/**
 * Every source file of the server, relative to `src/` with `/` separators: tests (`*.test.ts`,
 * `*.case.ts`) and the test tools under `testing/` left out — what runs in the app. For the tests
 * that hold the source to a rule by reading it (`layers.test.ts`, `stripe-sdk.test.ts`).
 */
export function serverSourceFiles(): string[] {
  return (function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return walk(path);
      return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.case.ts') ? [relative(srcDir, path).split('\\').join('/')] : [];
    });
  })(srcDir).filter((file) => !file.startsWith('testing/'));
}
