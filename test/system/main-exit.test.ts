/**
 * The web server and worker processes end by themselves, with their error on standard error and exit code 1,
 * when they cannot start, and the web server with 0 on SIGTERM: they set process.exitCode and close what they
 * opened instead of calling process.exit(), so nothing may be left holding them.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalCliPath } from '../../system/toolchain';
import { loadConfig } from '../../worker/config';

const root = path.resolve(__dirname, '..', '..');

interface Ended {
  readonly code: number | null;
  readonly stderr: string;
}

/** A running `node --import tsx ENTRY`; `ended` fails when the process has not ended within `timeoutMs`. */
function start(
  entry: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): { ended: Promise<Ended>; printed: (text: string) => Promise<void>; signal: (s: NodeJS.Signals) => void } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, entry)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const ended = new Promise<Ended>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not end within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
  /** Resolves once standard output holds `text`; fails when the process ends without printing it. */
  const printed = (text: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (stdout.includes(text)) resolve();
      };
      child.stdout.on('data', check);
      check();
      ended.then(
        () => reject(new Error(`${entry} ended without printing "${text}":\n${stdout}\n${stderr}`)),
        reject,
      );
    });
  return { ended, printed, signal: (s) => child.kill(s) };
}

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Nothing is listening on these; the processes must not need the database to fail or to stop.
const base = async (): Promise<NodeJS.ProcessEnv> => ({
  DATABASE_URL: `postgresql://postgres@127.0.0.1:${await freePort()}/none`,
  SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
  TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`,
  TEMPORAL_NAMESPACE: 'default',
  // Required with TEMPORAL_ADDRESS; a fixed test key (32 zero bytes), nothing is encrypted before they end.
  PAYLOAD_KEYS: `test:${Buffer.alloc(32).toString('base64')}`,
  // The web server refuses to start without one (npm start generates it).
  SESSION_SECRET: 'a session secret for the exit tests, long enough',
});

describe('web/main.ts', () => {
  it('says its port is taken and ends with exit code 1', async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as net.AddressInfo;
    try {
      const web = start('web/main.ts', { ...(await base()), WEB_PORT: String(port) });
      const ended = await web.ended;
      expect(ended.code).toBe(1);
      expect(ended.stderr).toContain(`listen EADDRINUSE: address already in use 127.0.0.1:${port}`);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it('closes everything on SIGTERM and ends with exit code 0', async () => {
    const port = await freePort();
    const web = start('web/main.ts', { ...(await base()), WEB_PORT: String(port) });
    await web.printed(`web: listening on http://127.0.0.1:${port}`);
    web.signal('SIGTERM');
    const ended = await web.ended;
    expect(ended).toEqual({ code: 0, stderr: '' });
  });
});

describe('worker/main.ts', () => {
  it('says it cannot reach Temporal and ends with exit code 1', async () => {
    const env = await base();
    const ended = await start('worker/main.ts', env).ended;
    expect(ended.code).toBe(1);
    expect(ended.stderr).toContain(`"tcp connect error", ${env.TEMPORAL_ADDRESS}`);
  });

  it('ends with exit code 1 when the namespace does not exist, although the SDK leaves threads running', async () => {
    // The dev server knows its namespaces (the time-skipping server accepts any).
    const temporal = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path: temporalCliPath(loadConfig()) } },
    });
    try {
      const ended = await start('worker/main.ts', {
        ...(await base()),
        TEMPORAL_ADDRESS: temporal.address,
        TEMPORAL_NAMESPACE: 'khong-co',
      }).ended;
      expect(ended.code).toBe(1);
      expect(ended.stderr).toContain('Namespace khong-co was not found or otherwise could not be described');
    } finally {
      await temporal.teardown();
    }
  });
});
