/**
 * The embedded system as `npm start` runs it: real PGlite, real Temporal dev server, SMTP catcher, worker and
 * web server, checked through a real headless Chromium. Also: the data survives a restart, Ctrl-C stops every
 * part, and busy ports or a wrong variable give a clear message.
 */
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { setPassword, setupLinkOf, signIn, waitUntilAllHealthy } from '../support/system-pages';
import { eventually } from '../support/eventually';
import { isPortInUse } from '../../system/ports';
import {
  runTwinning,
  startSystem,
  startSystemExpectingFailure,
  systemVariables,
  type SystemEnv,
} from '../support/system';

const env: SystemEnv = {
  dataDir: '',
  webPort: 13000,
  pgPort: 15544,
  temporalPort: 17233,
  temporalUiPort: 18233,
  smtpPort: 12525,
};

let dataDir: string;
/**
 * The demo roster's pairs active in this year are a fact of the roster (demo/roster.json: the 10 pairs from
 * 01/07/2025 are active; the 6 of the district era ended on 30/06/2025), not of today's date; the year is
 * fixed so the counts hold on any day the suite runs.
 */
const year = 2026;
/** Cycles of `year`: one per demo pair active in it (the 10 `KN-2025-*` pairs). */
const cyclesOfYear = 10;
/** The demo roster's units: 16 since 01/07/2025 and 13 of the district era kept as history. */
const demoUnits = 29;

const twinning = runTwinning;

let browser: Browser;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'twinning-system-'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (process.env.KEEP_SYSTEM_DATA) console.log(`system data kept in ${dataDir}`);
  else await fs.rm(dataDir, { recursive: true, force: true });
});

const base = `http://127.0.0.1:${env.webPort}`;

describe('npm start: the embedded system', () => {
  it('starts every part healthy with the demo roster, stops on Ctrl-C, and keeps its data on restart', async () => {
    const vars = systemVariables({ ...env, dataDir });
    const first = await startSystem(vars);
    try {
      const seen = await waitUntilAllHealthy(browser, base);
      expect(seen.parts).toEqual({
        database: 'true',
        temporal: 'true',
        worker: 'true',
        smtp: 'true',
        web: 'true',
      });
      expect(seen.roster).toMatch(new RegExp(`^Danh mục: ${demoUnits} đơn vị, \\d+ cặp kết nghĩa\\.$`));
      expect(seen.temporalUi).toBe(`http://127.0.0.1:${env.temporalUiPort}`);
      const ui = await fetch(seen.temporalUi);
      expect(ui.status).toBe(200);
      expect(first.output()).toContain('demo roster');

      // The year's cycles run against the embedded database: one workflow per pair active in the year, read
      // model filled.
      const opened = await twinning(vars, 'cycle', 'open', '--year', String(year));
      expect([opened.code, opened.stdout.trim()]).toEqual([
        0,
        `Đã khởi động ${cyclesOfYear} chu kỳ, 0 đã có từ trước. / Started ${cyclesOfYear} cycles, 0 already existed.`,
      ]);
      const cycles = await eventually(
        async () =>
          JSON.parse(
            (await twinning(vars, 'cycle', 'status', '--year', String(year), '--json')).stdout,
          ) as unknown[],
        (rows) => rows.length === cyclesOfYear,
      );
      expect(cycles).toHaveLength(cyclesOfYear);
      // The pair page that every e-mail links to shows the cycle from the read model, to a signed-in user: the
      // first administrator sets a password through the one-time link npm start printed, then signs in.
      const setup = setupLinkOf(first.output());
      expect(setup).toBeDefined();
      const password = 'một mật khẩu đủ dài cho thử nghiệm';
      const page = await browser.newPage();
      try {
        await setPassword(page, setup!.link, password);
        await signIn(page, base, setup!.email, password);
        const response = await page.goto(`http://127.0.0.1:${env.webPort}/pairs/KN-2025-01?year=${year}`);
        expect(response?.status()).toBe(200);
        expect(await page.locator('[data-testid=obligations] tbody tr').count()).toBe(7);
        // An unknown pair is a 404 with the catalogue's words (the same answer as a pair outside one's scope).
        const unknown = await page.goto(`http://127.0.0.1:${env.webPort}/pairs/KHONG-CO?year=${year}`);
        expect(unknown?.status()).toBe(404);
        expect(await page.locator('[data-testid=error-message]').innerText()).toBe(
          'Không tìm thấy trang hoặc dữ liệu này.',
        );
      } finally {
        await page.close();
      }
      const again = await twinning(vars, 'cycle', 'open', '--year', String(year));
      expect(again.stdout.trim()).toBe(
        `Năm ${year} đã được mở: ${cyclesOfYear} chu kỳ đã có, không khởi động thêm. / Year ${year} is already open: ${cyclesOfYear} cycles exist, nothing started.`,
      );
    } finally {
      expect(await first.interrupt()).toBe(0);
    }
    for (const port of [env.webPort, env.pgPort, env.temporalPort, env.temporalUiPort, env.smtpPort]) {
      expect(await isPortInUse(port)).toBe(false);
    }

    const second = await startSystem(vars);
    try {
      const seen = await waitUntilAllHealthy(browser, base);
      expect(seen.parts.database).toBe('true');
      expect(seen.roster).toMatch(new RegExp(`^Danh mục: ${demoUnits} đơn vị, \\d+ cặp kết nghĩa\\.$`));
      expect(second.output()).not.toContain('demo roster');
      const status = await twinning(vars, 'cycle', 'status', '--year', String(year), '--json');
      expect((JSON.parse(status.stdout) as unknown[]).length).toBe(cyclesOfYear);
    } finally {
      expect(await second.interrupt()).toBe(0);
    }
  });

  it('names a busy port and the variable that moves it, and starts nothing', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(env.webPort, '127.0.0.1', () => r()));
    try {
      const result = await startSystemExpectingFailure(systemVariables({ ...env, dataDir }));
      expect(result.code).toBe(1);
      expect(result.output).toContain(
        `Cổng ${env.webPort} (web) đang bị chương trình khác sử dụng. Hãy dừng chương trình đó hoặc đặt biến WEB_PORT sang cổng khác.`,
      );
      expect(await isPortInUse(env.pgPort)).toBe(false);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('stops with a message naming a wrong variable', async () => {
    const result = await startSystemExpectingFailure({
      ...systemVariables({ ...env, dataDir }),
      DATABASE_URL: 'mysql://nope',
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      'Cấu hình sai: biến DATABASE_URL must be a PostgreSQL URL such as postgresql://user:password@host:5432/dbname',
    );
  });
});
