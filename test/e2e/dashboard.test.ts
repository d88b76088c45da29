/**
 * The dashboard end to end, in a real headless Chromium against the real system started as `npm start` starts
 * it (PGlite, Temporal dev server, SMTP catcher, worker, web server, demo roster): an administrator filters
 * overdue cycles, opens one, extends a deadline and sees the new reminder in the timeline and the outbox; a
 * recipient officer files an invalid needs proposal and sees the workflow's reason, then a valid one and sees it
 * accepted; a sponsor officer cannot read or act on another sponsor's pair by page, API or guessed URL. Then every
 * main page is checked by axe (no serious or critical violation) in Vietnamese and English at laptop and phone
 * widths, and photographed into test-results/screenshots/ (ignored by git).
 *
 * The year is opened with `cycle open --as-of '02/03/2026 23:59'`, so every cycle stands a minute before the end
 * of the needs proposal's day (Saturday 28/02 rolled to Monday 02/03/2026) whatever today is; a minute later the
 * proposal is missed and every cycle overdue (obligations due before the opening are not applicable, so this is
 * the one way to see an overdue cycle without waiting for days).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { t } from '../../domain/messages';
import { cycleVocabulary } from '../../domain/messages/cycle';
import { mailVocabulary } from '../../domain/messages/mail';
import { launchChromium } from '../support/chromium';
import { eventually } from '../support/eventually';
import {
  runTwinning,
  startSystem,
  systemVariables,
  type RunningSystem,
  type SystemEnv,
} from '../support/system';
import {
  inviteAndSignIn,
  setPassword,
  setupLinkOf,
  signIn,
  waitUntilAllHealthy,
} from '../support/system-pages';

const env: SystemEnv = {
  dataDir: '',
  // Ports of this file alone (system.test.ts and supervision.test.ts have their own): files run in parallel.
  webPort: 13200,
  pgPort: 15744,
  temporalPort: 17433,
  temporalUiPort: 18433,
  smtpPort: 12725,
};
const base = `http://127.0.0.1:${env.webPort}`;
const year = 2026;
/** Every demo pair active in 2026 (the 10 `KN-2025-*` pairs, see demo/roster.json). */
const cyclesOfYear = 10;
const password = 'một mật khẩu đủ dài cho thử nghiệm';
const screenshots = path.resolve(__dirname, '..', '..', 'test-results', 'screenshots');

let dataDir: string;
let system: RunningSystem;
let vars: NodeJS.ProcessEnv;
let browser: Browser;
let adminContext: BrowserContext;
let admin: Page;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'twinning-dashboard-'));
  browser = await launchChromium();
  vars = systemVariables({ ...env, dataDir });
  system = await startSystem(vars);
  const seen = await waitUntilAllHealthy(browser, base);
  expect(Object.values(seen.parts)).toEqual(['true', 'true', 'true', 'true', 'true']);
  const opened = await runTwinning(
    vars,
    'cycle',
    'open',
    '--year',
    String(year),
    '--as-of',
    '02/03/2026 23:59',
  );
  expect([opened.code, opened.stderr]).toEqual([0, '']);
  // The read model follows the workflows: wait until the deadline has passed and every cycle is overdue.
  const overdue = await eventually(
    async () =>
      JSON.parse(
        (await runTwinning(vars, 'cycle', 'status', '--year', String(year), '--overdue', '--json')).stdout,
      ) as unknown[],
    (rows) => rows.length === cyclesOfYear,
    180_000,
  );
  expect(overdue).toHaveLength(cyclesOfYear);
  const setup = setupLinkOf(system.output());
  expect(setup).toBeDefined();
  adminContext = await browser.newContext();
  admin = await adminContext.newPage();
  await setPassword(admin, setup!.link, password);
  await signIn(admin, base, setup!.email, password);
}, 600_000);

afterAll(async () => {
  await adminContext?.close();
  await browser?.close();
  if (system) expect(await system.interrupt()).toBe(0);
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

/** One attribute of every element a locator finds, in order (no DOM types here: the tests run in Node). */
async function attributesOf(locator: Locator, name: string): Promise<(string | null)[]> {
  return Promise.all((await locator.all()).map((element) => element.getAttribute(name)));
}

/** The text of every element a locator finds, in order. */
async function textsOf(locator: Locator): Promise<string[]> {
  return Promise.all((await locator.all()).map((element) => element.innerText()));
}

/** The obligation row of the pair page. */
function obligationRow(page: Page, obligation: string) {
  return page.locator(`[data-testid=obligations] tbody tr[data-obligation=${obligation}]`);
}

describe('an administrator', () => {
  it('filters overdue cycles, opens one, extends a deadline and sees the new reminder in the timeline and outbox', async () => {
    await admin.goto(`${base}/cycles?year=${year}`);
    await admin.selectOption('[data-testid=filters] select[name=overdue]', 'true');
    await admin.fill('[data-testid=filters] input[name=recipient]', 'XA-TRA-MY');
    await admin.click('[data-testid=filters] button[type=submit]');
    await admin.waitForURL(/overdue=true/);
    // The page shows exactly what the API answers for the same query: the one overdue pair of Trà My.
    const api = await admin.request.get(
      `${base}/api/v1/cycles?year=${year}&overdue=true&recipient=XA-TRA-MY`,
    );
    const listed = (await api.json()) as { total: number; rows: { pairCode: string }[] };
    expect([listed.total, listed.rows.map((r) => r.pairCode)]).toEqual([1, ['KN-2025-01']]);
    const rows = admin.locator('[data-testid=cycles] tbody tr');
    expect(await attributesOf(rows, 'data-pair')).toEqual(['KN-2025-01']);
    expect(await admin.locator('[data-testid=total]').innerText()).toContain(
      t('web.cycles.total', { total: 1 }),
    );

    await rows.first().locator('a').first().click();
    await admin.waitForURL(/\/pairs\/KN-2025-01\?year=2026/);
    expect(await obligationRow(admin, 'O2').getAttribute('data-status')).toBe('missed');
    await admin.selectOption('[data-testid=extend-form] select[name=obligation]', 'O2');
    await admin.fill('[data-testid=extend-form] input[name=newDate]', '2026-04-15');
    await admin.fill('[data-testid=extend-form] input[name=reason]', 'Mưa lũ chia cắt xã');
    await admin.fill('[data-testid=extend-form] input[name=decisionNumber]', '12/QĐ-BDT');
    await admin.click('[data-testid=extend-form] button[type=submit]');
    await admin.waitForURL(/\/pairs\/KN-2025-01\?year=2026/);
    expect((await admin.locator('[data-testid=notice]').innerText()).trim()).toBe(
      t('commands.done.extended', {
        pair: 'KN-2025-01',
        year,
        phaseVi: cycleVocabulary.phase.agreement.vi,
        phaseEn: cycleVocabulary.phase.agreement.en,
      }),
    );
    expect(await obligationRow(admin, 'O2').getAttribute('data-status')).toBe('pending');
    expect(await admin.locator('[data-testid=timeline]').innerText()).toContain(
      t('timeline.extended', {
        obligation: 'O2',
        obligationVi: cycleVocabulary.obligation.O2.vi,
        from: '02/03/2026',
        to: '15/04/2026',
      }),
    );
    // The extension tells Trà My the new day at once: the reminder reaches the timeline (from the ledger)…
    const reminderLine = t('timeline.notification.REMINDER', {
      obligation: 'O2',
      obligationVi: cycleVocabulary.obligation.O2.vi,
      statusVi: mailVocabulary.status.SENT.vi,
    });
    const timeline = await eventually(
      async () => {
        await admin.reload();
        return admin.locator('[data-testid=timeline]').innerText();
      },
      (text) => text.includes(reminderLine),
    );
    expect(timeline).toContain(reminderLine);
    // …and the outbox, addressed to the commune's office, with the new due day in its subject.
    await admin.goto(`${base}/outbox`);
    const mail = admin.locator('[data-testid=outbox] tbody tr', { hasText: 'vanphong@xatramy' });
    const subjects = await textsOf(mail);
    expect(subjects.filter((s) => s.includes('[Nhắc hạn]') && s.includes('hạn 15/04/2026'))).toHaveLength(1);
  });
});

describe('a recipient officer', () => {
  it('files a needs proposal the workflow refuses and sees its reason, then a valid one and sees it accepted', async () => {
    const { context, page } = await inviteAndSignIn(
      admin,
      browser,
      base,
      {
        email: 'canbo@xalaee.example.gov.vn',
        name: 'Cán bộ xã La Êê',
        role: 'RECIPIENT_OFFICER',
        unit: 'XA-LA-EE',
      },
      password,
    );
    try {
      await page.goto(`${base}/pairs/KN-2025-02?year=${year}`);
      const form = page.locator('[data-testid=needs-form]');
      await form.locator('[name=summary]').fill('Làm 2 km đường bê tông vào thôn Pa Lang');
      await form.locator('[name=itemCategory]').first().selectOption('SOCIO_ECONOMIC');
      await form.locator('[name=itemDescription]').first().fill('Đường bê tông');
      // More than 10^15 đồng: the page passes it on and the workflow refuses it, with its own reason.
      await form.locator('[name=itemAmount]').first().fill('10.000.000.000.000.000');
      await form.locator('button[type=submit]').click();
      await page.waitForLoadState();
      expect((await page.locator('[data-testid=notice]').innerText()).trim()).toBe(
        t('cycle.invalid.amountDong', { field: 'items.0.estimatedAmountDong' }),
      );
      expect(await obligationRow(page, 'O2').getAttribute('data-status')).toBe('missed');
      // The form keeps what was typed; with a possible amount it is accepted, as late (due 02/03/2026).
      expect(await form.locator('[name=summary]').inputValue()).toBe(
        'Làm 2 km đường bê tông vào thôn Pa Lang',
      );
      await form.locator('[name=itemAmount]').first().fill('1.250.000.000');
      await form.locator('button[type=submit]').click();
      await page.waitForURL(/\/pairs\/KN-2025-02\?year=2026/);
      expect((await page.locator('[data-testid=notice]').innerText()).trim()).toBe(
        t('webForms.accepted', {
          pair: 'KN-2025-02',
          year,
          obligation: 'O2',
          obligationVi: cycleVocabulary.obligation.O2.vi,
        }),
      );
      expect(await obligationRow(page, 'O2').getAttribute('data-status')).toBe('late');
      expect(await page.locator('[data-testid=submissions]').innerText()).toContain('1.250.000.000 đ');
    } finally {
      await context.close();
    }
  });
});

describe('a sponsor officer', () => {
  it('cannot read or act on another sponsor’s pair, by page, by API or by a guessed URL', async () => {
    const { context, page } = await inviteAndSignIn(
      admin,
      browser,
      base,
      {
        email: 'canbo@hoian.example.gov.vn',
        name: 'Cán bộ phường Hội An',
        role: 'SPONSOR_OFFICER',
        unit: 'P-HOI-AN',
      },
      password,
    );
    try {
      // Its own pair (Hội An → Trà My) opens; the list holds only it.
      expect((await page.goto(`${base}/pairs/KN-2025-01?year=${year}`))?.status()).toBe(200);
      await page.goto(`${base}/cycles?year=${year}`);
      expect(await attributesOf(page.locator('[data-testid=cycles] tbody tr'), 'data-pair')).toEqual([
        'KN-2025-01',
      ]);
      // Điện Bàn's pair: the page, the API (to read and to act), its form's URL and a guessed filter find nothing,
      // as for no pair at all.
      const other = await page.goto(`${base}/pairs/KN-2025-02?year=${year}`);
      expect(other?.status()).toBe(404);
      expect(await page.locator('[data-testid=error-message]').innerText()).toBe(t('web.error.not_found'));
      const read = await page.request.get(`${base}/api/v1/pairs/KN-2025-02`);
      expect([read.status(), ((await read.json()) as { error: { code: string } }).error.code]).toEqual([
        404,
        'not_found',
      ]);
      const csrf = (
        (await (await page.request.get(`${base}/api/v1/session`)).json()) as { csrfToken: string }
      ).csrfToken;
      const act = await page.request.post(`${base}/api/v1/pairs/KN-2025-02/${year}/submissions`, {
        headers: { 'x-csrf-token': csrf },
        data: { obligation: 'O3', data: { signedOn: '2026-03-10', signatoryName: 'Nguyễn Văn A' } },
      });
      expect([act.status(), ((await act.json()) as { error: { code: string } }).error.code]).toEqual([
        404,
        'not_found',
      ]);
      const form = await page.request.post(`${base}/pairs/KN-2025-02/${year}/report`, {
        form: { _csrf: csrf, summary: 'Báo cáo', assessment: 'Tốt' },
      });
      expect(form.status()).toBe(404);
      const guessed = await page.request.get(`${base}/api/v1/cycles?year=${year}&sponsor=P-DIEN-BAN`);
      expect(((await guessed.json()) as { total: number }).total).toBe(0);
      // Nothing reached Điện Bàn's cycle: its O3 is still owed by both sides.
      const status = JSON.parse(
        (await runTwinning(vars, 'cycle', 'show', 'KN-2025-02', '--year', String(year), '--json')).stdout,
      ) as { obligations: { obligation: string; status: string }[] };
      expect(status.obligations.find((o) => o.obligation === 'O3')?.status).toBe('PENDING');
    } finally {
      await context.close();
    }
  });
});

/** The main pages, each as the administrator sees it. */
const MAIN_PAGES: readonly { readonly name: string; readonly url: string; readonly anonymous?: boolean }[] = [
  { name: 'landing', url: '/', anonymous: true },
  { name: 'sign-in', url: '/sign-in', anonymous: true },
  { name: 'home', url: `/home?year=${year}` },
  { name: 'cycles', url: `/cycles?year=${year}&overdue=true` },
  { name: 'pair', url: `/pairs/KN-2025-01?year=${year}` },
  { name: 'unit', url: `/units/P-HOI-AN?year=${year}` },
  { name: 'users', url: '/users' },
  { name: 'outbox', url: '/outbox' },
  { name: 'roster', url: '/roster' },
  { name: 'calendar', url: `/calendar?year=${year}` },
  { name: 'year-end', url: `/year-end?year=${year}` },
];

const VIEWPORTS = {
  laptop: { width: 1366, height: 768 },
  phone: { width: 390, height: 844 },
} as const;

describe('every main page', () => {
  it('has no serious or critical accessibility violation in Vietnamese and English, on a laptop and a phone', async () => {
    await fs.mkdir(screenshots, { recursive: true });
    const cookies = await adminContext.cookies();
    const found: string[] = [];
    for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
      for (const lang of ['vi', 'en'] as const) {
        // axe injects its script, which the pages' strict CSP would refuse: this context bypasses the CSP.
        const context = await browser.newContext({ viewport, bypassCSP: true });
        try {
          for (const main of MAIN_PAGES) {
            await context.clearCookies();
            if (!main.anonymous) await context.addCookies(cookies);
            const page = await context.newPage();
            const joiner = main.url.includes('?') ? '&' : '?';
            const response = await page.goto(`${base}${main.url}${joiner}lang=${lang}`);
            expect([main.name, response?.status()]).toEqual([main.name, 200]);
            expect(await page.getAttribute('html', 'lang')).toBe(lang);
            const result = await new AxeBuilder({ page })
              .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
              .analyze();
            for (const v of result.violations)
              if (v.impact === 'serious' || v.impact === 'critical')
                found.push(
                  `${main.name} ${lang} ${viewportName}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
                );
            await page.screenshot({
              path: path.join(screenshots, `${main.name}-${lang}-${viewportName}.png`),
              fullPage: true,
            });
            await page.close();
          }
        } finally {
          await context.close();
        }
      }
    }
    expect(found).toEqual([]);
    // 11 pages × 2 languages × 2 widths, each analysed and photographed: minutes on a busy 2-core machine.
  }, 600_000);
});
