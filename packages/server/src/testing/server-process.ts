import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built Node entry the processes run (`pnpm build` first: they are real server processes). */
export const builtNode = fileURLToPath(new URL('../../dist/node.js', import.meta.url));

/** Options of `startServer` a test may pass to the other process (JSON: no functions). */
export type ProcessOptions = Record<string, string | number | boolean>;

/**
 * Server processes over one database file, as two deployments of Slotwise would run: each is
 * `startServer` of the BUILT server in a child Node process (its own connections, its own write
 * queue and lanes), logging nothing, on a free port. `stop()` ends every one it started.
 */
export function serverProcesses(env: NodeJS.ProcessEnv = process.env) {
  const children: ChildProcess[] = [];
  return {
    /** Starts one; resolves with its base URL once it listens. */
    start(options: ProcessOptions): Promise<string> {
      if (!existsSync(builtNode)) return Promise.reject(new Error('Build the server first (pnpm build): the other process runs dist/node.js.'));
      const script = `const { startServer } = await import(${JSON.stringify(builtNode)});
        const s = await startServer({ ...${JSON.stringify({ port: 0, rateLimits: false, tickEveryMs: 0, ...options })}, log: () => {} });
        console.log(JSON.stringify({ url: s.url }));`;
      return new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'], env });
        children.push(child);
        child.stdout!.on('data', (chunk: Buffer) => {
          const line = chunk.toString().split('\n').find((l) => l.startsWith('{'));
          if (line) resolve(JSON.parse(line).url);
        });
        child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
      });
    },
    stop() {
      for (const child of children.splice(0)) child.kill();
    },
  };
}
