/**
 * The units' evaluation activities and the year-end outputs against a real PostgreSQL: units and pairs from a
 * roster, cycles, obligations and progress entries written directly, one proposal and one final rating per unit
 * through the activities, then the summary exported and read back.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import { createUnitEvaluationActivities } from '../../activities/unit-evaluation';
import { registerEvaluationCommands } from '../../cli/commands/evaluation';
import type { CliDeps } from '../../cli/deps';
import type { PrismaClient } from '../../generated/prisma';
import type { ComputedProposal } from '../../machines/unit-evaluation';
import { buildYearSummary, renderReport } from '../../reports';
import { renderHtml } from '../../reports/render-html';
import { importRoster } from '../../roster/import';
import { loadRoster } from '../../roster/load';
import { launchChromium } from '../support/chromium';
import { pdfText } from '../support/pdf';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createEvaluatedCycle } from '../support/evaluated-cycles';

const YEAR = 2025;
const INJECTED = '=HYPERLINK("http://evil.example","Sở Y tế")';

const roster = {
  units: [
    {
      code: 'SO-NN',
      name: 'Sở Nông nghiệp và Phát triển nông thôn',
      kind: 'DEPARTMENT',
      staff: 25,
      emails: ['nn@example.gov.vn'],
    },
    { code: 'SO-YT', name: INJECTED, kind: 'DEPARTMENT', staff: 40, emails: ['yt@example.gov.vn'] },
    { code: 'H-DB', name: 'Thị xã Điện Bàn', kind: 'LOWLAND_DISTRICT', emails: ['dienban@example.gov.vn'] },
    { code: 'H-MN', name: 'Huyện Nam Giang', kind: 'MOUNTAIN_DISTRICT', emails: ['namgiang@example.gov.vn'] },
    {
      code: 'XA-A',
      name: 'Xã La Dêê',
      kind: 'COMMUNE',
      parent: 'H-MN',
      border: true,
      emails: ['ladee@example.gov.vn'],
    },
    { code: 'XA-B', name: 'Xã Đắc Tôi', kind: 'COMMUNE', parent: 'H-MN', emails: ['dactoi@example.gov.vn'] },
    { code: 'XA-C', name: 'Xã Chà Vàl', kind: 'COMMUNE', parent: 'H-MN', emails: ['chaval@example.gov.vn'] },
    {
      code: 'XA-D',
      name: 'Xã Tà Bhinh',
      kind: 'COMMUNE',
      parent: 'H-MN',
      emails: ['tabhinh@example.gov.vn'],
    },
  ],
  pairs: [
    { code: 'P1', sponsor: 'SO-NN', recipient: 'XA-A', from: '2020-01-01' },
    { code: 'P2', sponsor: 'SO-NN', recipient: 'XA-B', from: '2020-01-01' },
    { code: 'P3', sponsor: 'SO-NN', recipient: 'XA-C', from: '2020-01-01' },
    { code: 'P4', sponsor: 'H-DB', recipient: 'H-MN', from: '2020-01-01' },
    { code: 'P5', sponsor: 'SO-YT', recipient: 'XA-D', from: '2020-01-01' },
  ],
};

let seq = 0;
async function addEntry(
  prisma: PrismaClient,
  cycleId: string,
  values: {
    households?: number;
    amountDong?: bigint;
    modelsBuilt?: number;
    modelsReplicated?: number;
    studyTours?: number;
    communeCode?: string;
    supersedesId?: string;
    category?: 'SOCIO_ECONOMIC' | 'PROPAGANDA' | 'SOCIAL_SECURITY';
  },
): Promise<string> {
  seq += 1;
  const row = await prisma.progressEntry.create({
    data: {
      cycleId,
      submittedBy: 'officer@example.gov.vn',
      submittedAt: new Date(Date.UTC(YEAR, 5, seq)),
      category: values.category ?? 'SOCIO_ECONOMIC',
      households: values.households ?? 0,
      amountDong: values.amountDong ?? 0n,
      modelsBuilt: values.modelsBuilt ?? 0,
      modelsReplicated: values.modelsReplicated ?? 0,
      studyTours: values.studyTours ?? 0,
      communeCode: values.communeCode ?? null,
      supersedesId: values.supersedesId ?? null,
      description: 'Hỗ trợ sinh kế',
      beneficiaries: ['Hộ bà Hồ Thị A'],
      idempotencyKey: `test:${seq}`,
    },
  });
  return row.id;
}

let db: TestDatabase;
let dir: string;
const cycles: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'twinning-report-'));
  const rosterFile = join(dir, 'roster.json');
  await writeFile(rosterFile, JSON.stringify(roster));
  const loaded = await loadRoster([rosterFile]);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  await importRoster(db.prisma, loaded.roster, { staffYear: YEAR });
  const p = db.prisma;
  // SO-NN: 25 staff → 5 households; 3 communes, models in XA-A and XA-B only. The first P1 entry (3 households)
  // is corrected by its submitter to 4: households 4 + 2 = 6.
  cycles.P1 = await createEvaluatedCycle(p, 'P1', YEAR);
  cycles.P2 = await createEvaluatedCycle(p, 'P2', YEAR, { O2: 'LATE' });
  cycles.P3 = await createEvaluatedCycle(p, 'P3', YEAR, { O6: 'MISSED' });
  const first = await addEntry(p, cycles.P1, { households: 3, modelsBuilt: 1, studyTours: 1 });
  await addEntry(p, cycles.P1, { households: 4, modelsBuilt: 1, studyTours: 1, supersedesId: first });
  await addEntry(p, cycles.P2, { households: 2, modelsReplicated: 1, category: 'SOCIAL_SECURITY' });
  // P3's only entry is a study tour: a measurable result of the sponsor, so it is not "signed, nothing done".
  await addEntry(p, cycles.P3, { category: 'PROPAGANDA', studyTours: 1 });
  // H-DB: lowland district, one đồng short of 200,000,000.
  cycles.P4 = await createEvaluatedCycle(p, 'P4', YEAR);
  await addEntry(p, cycles.P4, {
    households: 10,
    amountDong: 150_000_000n,
    modelsBuilt: 1,
    studyTours: 1,
    communeCode: 'XA-A',
  });
  await addEntry(p, cycles.P4, { amountDong: 49_999_999n, modelsReplicated: 1, communeCode: 'XA-B' });
  // SO-YT: 40 staff → 8 households; every target met but no year-end report.
  cycles.P5 = await createEvaluatedCycle(p, 'P5', YEAR, { O5: 'MISSED' });
  await addEntry(p, cycles.P5, { households: 8, modelsBuilt: 1, studyTours: 1 });
});

afterAll(async () => {
  await db?.drop();
});

describe('unit evaluation activities', () => {
  const unitActivities = () =>
    createUnitEvaluationActivities({
      prisma: db.prisma,
      temporalClient: () => Promise.reject(new Error('no Temporal in this test')),
    });

  it('proposes one rating per unit from all of its pairs, idempotently', async () => {
    const activities = unitActivities();
    await activities.recordUnitPositiveFactors({
      unitCode: 'H-MN',
      year: YEAR,
      text: 'Tổ công tác kết nghĩa hoạt động hiệu quả',
      actor: 'admin@bandantoc',
      at: '2026-01-05T02:00:00.000Z',
    });
    const units = ['SO-NN', 'SO-YT', 'H-DB', 'H-MN', 'XA-A', 'XA-B', 'XA-C', 'XA-D'];
    const results: Record<string, ComputedProposal> = {};
    for (const unitCode of units)
      results[unitCode] = await activities.computeUnitProposal({ unitCode, year: YEAR });
    const proposal = (code: string) => {
      const r = results[code];
      if (r?.status !== 'proposed') throw new Error(`${code}: ${JSON.stringify(r)}`);
      return r.proposal;
    };
    // Hand-computed: SO-NN over its three pairs (1 + 0.6666 + 1 + 1) / 4 = 91.6 → Khá; H-DB with the four
    // communes of H-MN (2 models each, 1 in XA-A and XA-B): (1 + 0.9999 + 0.25 + 1 + 1) / 5 = 84.9 → Khá;
    // SO-YT 87.5 → Khá, criticised (no year-end report).
    expect(proposal('SO-NN')).toMatchObject({ rating: 'KHA', score: 91.6, criticised: false });
    expect(proposal('H-DB')).toMatchObject({ rating: 'KHA', score: 84.9 });
    expect(proposal('SO-YT')).toMatchObject({ rating: 'KHA', score: 87.5, criticised: true });
    // Recipients: XA-A 100 → Tốt; XA-B (O2 late) 87.5 → Khá; XA-C (no report) 75 → TB, criticised;
    // H-MN on time with positive factors → Hoàn thành xuất sắc, reward.
    expect(proposal('XA-A')).toMatchObject({ rating: 'TOT', score: 100 });
    expect(proposal('XA-B')).toMatchObject({ rating: 'KHA', score: 87.5 });
    expect(proposal('XA-C')).toMatchObject({ rating: 'TB', criticised: true });
    expect(proposal('H-MN')).toMatchObject({ rating: 'HTXS', proposedReward: true });
    expect(proposal('SO-NN').scale.map((l) => l.id)).toEqual(['HTXS', 'TOT', 'KHA', 'TB', 'YEU']);
    expect(results['SO-NN']).toMatchObject({
      cycles: [`twinning-cycle:P1:${YEAR}`, `twinning-cycle:P2:${YEAR}`, `twinning-cycle:P3:${YEAR}`],
    });

    const audits = await db.prisma.auditEvent.count({ where: { action: 'evaluation.proposed' } });
    await activities.computeUnitProposal({ unitCode: 'SO-NN', year: YEAR });
    expect(await db.prisma.auditEvent.count({ where: { action: 'evaluation.proposed' } })).toBe(audits);
    expect(await db.prisma.unitEvaluation.count()).toBe(8);
    const stored = await db.prisma.unitEvaluation.findFirstOrThrow({ where: { unit: { code: 'SO-YT' } } });
    expect(JSON.stringify(stored.explanation)).toContain('Cặp P5: không gửi báo cáo cuối năm (O5).');
    // No personal data in the stored working.
    expect(JSON.stringify(stored.explanation)).not.toContain('Hồ Thị A');
  });

  it("records a unit's final rating once: a retry writes nothing, a different second rating is refused", async () => {
    const activities = unitActivities();
    const override = {
      unitCode: 'H-DB',
      year: YEAR,
      rating: 'TOT',
      override: true,
      reason: 'Đã bổ sung chứng từ chi 1 đồng còn thiếu',
      decisionNumber: '15/QĐ-UBND',
      actor: 'admin@bandantoc',
      at: '2026-01-10T02:00:00.000Z',
    };
    await activities.recordUnitFinalRating(override);
    await activities.recordUnitFinalRating(override);
    const audit = await db.prisma.auditEvent.findMany({ where: { action: 'evaluation.overridden' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.before).toMatchObject({ proposedRating: 'KHA', finalRating: null });
    expect(audit[0]?.after).toMatchObject({ finalRating: 'TOT', decisionNumber: '15/QĐ-UBND' });
    await expect(
      activities.recordUnitFinalRating({ ...override, rating: 'KHA', actor: 'someone-else' }),
    ).rejects.toThrow(
      'Xếp loại năm 2025 của đơn vị H-DB đã được xác nhận («TOT»); không thể ghi lại. / The 2025 rating of unit H-DB is already confirmed ("TOT"); it cannot be recorded again.',
    );
    await activities.recordUnitFinalRating({
      ...override,
      unitCode: 'H-MN',
      rating: 'HTXS',
      override: false,
    });
    await activities.recordUnitFinalRating({ ...override, unitCode: 'XA-A', rating: 'TOT', override: false });
    // A new proposal keeps the decision.
    const again = await activities.computeUnitProposal({ unitCode: 'H-DB', year: YEAR });
    expect(again).toMatchObject({ status: 'confirmed', final: { rating: 'TOT' } });
    const row = await db.prisma.unitEvaluation.findFirstOrThrow({ where: { unit: { code: 'H-DB' } } });
    expect([row.proposedRating, row.finalRating, row.overrideReason]).toEqual([
      'KHA',
      'TOT',
      'Đã bổ sung chứng từ chi 1 đồng còn thiếu',
    ]);
  });
});

describe('year-end outputs', () => {
  it('exports an xlsx whose numbers match the database', async () => {
    const summary = await buildYearSummary(db.prisma, YEAR, { now: new Date('2026-01-20T03:00:00Z') });
    const bytes = await renderReport(summary, 'xlsx');
    const file = join(dir, 'report.xlsx');
    await writeFile(file, bytes);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Đơn vị',
      'Chỉ tiêu',
      'Nghĩa vụ',
      'Giải trình',
    ]);
    const sheet = workbook.getWorksheet('Đơn vị')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const col = (name: string) => headers.indexOf(name) + 1;
    const rowOf = (code: string, side: string) => {
      for (let r = 2; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r);
        if (row.getCell(1).value === code && row.getCell(col('Vai trò')).value === side) return row;
      }
      throw new Error(`no row for ${code}`);
    };

    for (const code of ['SO-NN', 'H-DB', 'SO-YT']) {
      // Effective entries straight from the database: those no correction supersedes.
      const entries = await db.prisma.progressEntry.findMany({
        where: { supersededBy: null, cycle: { year: YEAR, pair: { sponsor: { code } } } },
      });
      const row = rowOf(code, 'Giúp đỡ');
      expect(row.getCell(col('Hộ nghèo – đạt')).value).toBe(entries.reduce((s, e) => s + e.households, 0));
      expect(row.getCell(col('Mô hình – đạt')).value).toBe(
        entries.reduce((s, e) => s + e.modelsBuilt + e.modelsReplicated, 0),
      );
      const amount = entries.reduce((s, e) => s + e.amountDong, 0n);
      if (code === 'H-DB')
        expect(BigInt(row.getCell(col('Kinh phí – đạt (đồng)')).value as number)).toBe(amount);
      const missed = await db.prisma.cycleObligation.count({
        where: {
          status: 'MISSED',
          obligation: { in: ['O3', 'O5'] },
          cycle: { year: YEAR, pair: { sponsor: { code } } },
        },
      });
      expect(row.getCell(col('Nghĩa vụ quá hạn')).value).toBe(missed);
      const stored = await db.prisma.unitEvaluation.findFirstOrThrow({
        where: { year: YEAR, unit: { code } },
      });
      expect(row.getCell(col('Điểm')).value).toBe(stored.proposedScore);
    }
    expect(rowOf('SO-NN', 'Giúp đỡ').getCell(col('Hộ nghèo – chỉ tiêu')).value).toBe(5);
    expect(rowOf('SO-NN', 'Giúp đỡ').getCell(col('Hộ nghèo – đạt')).value).toBe(6);
    expect(rowOf('H-DB', 'Giúp đỡ').getCell(col('Kinh phí – đạt (đồng)')).value).toBe(199_999_999);
    expect(rowOf('H-DB', 'Giúp đỡ').getCell(col('Xếp loại chính thức')).value).toBe('Tốt');
    expect(rowOf('H-DB', 'Giúp đỡ').getCell(col('Lý do điều chỉnh')).value).toBe(
      'Đã bổ sung chứng từ chi 1 đồng còn thiếu',
    );
    expect(rowOf('SO-YT', 'Giúp đỡ').getCell(col('Kiểm điểm, phê bình; không xét thi đua')).value).toBe('Có');
    expect(rowOf('H-MN', 'Được giúp đỡ').getCell(col('Đề nghị khen thưởng')).value).toBe('Có');
    // The injected name is text in the workbook, never a formula.
    const injected = rowOf('SO-YT', 'Giúp đỡ').getCell(2);
    expect(injected.type).toBe(ExcelJS.ValueType.String);
    expect(injected.value).toBe(`'${INJECTED}`);

    const front = workbook.getWorksheet('Tổng hợp')!;
    const texts: string[] = [];
    front.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
    expect(texts).toContain('Sở, ban, ngành');
    expect(texts.some((t) => t.includes('không chứa biểu đồ'))).toBe(true);
    let totalRow: ExcelJS.Row | undefined;
    front.eachRow((row) => {
      if (row.getCell(1).value === 'Cộng' && !totalRow) totalRow = row;
    });
    // Units 8; money only from sponsors (counted once): 199,999,999.
    expect(totalRow?.getCell(2).value).toBe(8);
    expect(totalRow?.getCell(5).value).toBe(199_999_999);
  });

  it('exports a CSV with a BOM that neutralises formula-like text', async () => {
    const summary = await buildYearSummary(db.prisma, YEAR);
    const bytes = await renderReport(summary, 'csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toMatch(/^Mã đơn vị,Tên đơn vị,Loại,/);
    expect(text).toContain(`SO-YT,"'=HYPERLINK(""http://evil.example"",""Sở Y tế"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(text).toContain('H-DB,Thị xã Điện Bàn,');
    expect(text).toContain(',199999999,');
  });

  it('renders the HTML (screenshot) and the PDF with Chromium', async () => {
    const summary = await buildYearSummary(db.prisma, YEAR, { now: new Date('2026-01-20T03:00:00Z') });
    const html = renderHtml(summary);
    // The two charts of reports/charts.ts, read out in words: proposals SO-NN, SO-YT, H-DB, XA-B Khá; XA-A, XA-D
    // Tốt; H-MN Hoàn thành xuất sắc; XA-C Trung bình; final H-MN, H-DB (overridden), XA-A. Obligations of the
    // five cycles: P2's O2 late, P5's O5 and P3's O6 missed, every O7 still pending.
    expect(html.match(/<svg role="img"/g)).toHaveLength(2);
    expect(html).toContain(
      'aria-label="Số đơn vị theo mức xếp loại. Hoàn thành xuất sắc: 1 đơn vị đề xuất, 1 đơn vị chính thức; Tốt: 2 đơn vị đề xuất, 2 đơn vị chính thức; Khá: 4 đơn vị đề xuất, 0 đơn vị chính thức; Trung bình: 1 đơn vị đề xuất, 0 đơn vị chính thức; Yếu: 0 đơn vị đề xuất, 0 đơn vị chính thức."',
    );
    expect(html).toContain(
      'aria-label="Nghĩa vụ đúng hạn, nộp muộn và quá hạn. O1 – kế hoạch triển khai: 5 đúng hạn, 0 nộp muộn, 0 quá hạn; O2 – đề xuất nhu cầu: 4 đúng hạn, 1 nộp muộn, 0 quá hạn; O3 – chương trình kết nghĩa đã ký: 5 đúng hạn, 0 nộp muộn, 0 quá hạn; O4 – cập nhật tiến độ: 5 đúng hạn, 0 nộp muộn, 0 quá hạn; O5 – báo cáo sơ kết của đơn vị giúp đỡ: 4 đúng hạn, 0 nộp muộn, 1 quá hạn; O6 – báo cáo kết quả của đơn vị được giúp đỡ: 4 đúng hạn, 0 nộp muộn, 1 quá hạn; O7 – đánh giá, xếp loại: 0 đúng hạn, 0 nộp muộn, 0 quá hạn."',
    );
    expect(html).not.toContain('<script');
    expect(html).toContain('199.999.999 đ');
    // Neutralised in HTML too (a table pasted into a spreadsheet must not run it), and escaped.
    expect(html).toContain('&#39;=HYPERLINK(&quot;');
    expect(html).not.toMatch(/>=HYPERLINK/);
    expect(html).toContain('<td>28/02/2025</td>'); // a due day, not the instant it ends
    expect(html).toContain('Nghĩa vụ đúng hạn: đạt 3,5/4 (87,5%) — chưa đạt');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.setContent(html);
      await page.screenshot({ path: '/tmp/bao-cao-ket-nghia-2025.png', fullPage: true });
    } finally {
      await browser.close();
    }
    const pdf = await renderReport(summary, 'pdf');
    await writeFile('/tmp/bao-cao-ket-nghia-2025.pdf', pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect((await readFile('/tmp/bao-cao-ket-nghia-2025.png')).length).toBeGreaterThan(10_000);
  });
});

describe('markup in the year-end PDF', () => {
  const SCRIPT = '<script>alert(1)</script><b>x</b>';
  // Its handler, were it run, would write a word the text itself does not hold.
  const IMAGE = `<img src=x onerror="document.body.innerHTML='PW'+'NED'">`;

  /** The text without any whitespace: a table cell wraps where the page wants. */
  const squeezed = (text: string) => text.replace(/\s+/g, '');

  it('shows markup and script in names, reasons and decision numbers as the text they are', async () => {
    const built = await buildYearSummary(db.prisma, YEAR, { now: new Date('2026-01-20T03:00:00Z') });
    // What an official could type into the roster and the rating form, as it reaches the renderer.
    const summary = {
      ...built,
      units: built.units.map((u) =>
        u.code === 'SO-YT'
          ? { ...u, name: `${SCRIPT} Sở Y tế`, overrideReasons: [IMAGE], decisionNumbers: ['<i>12</i>/QĐ'] }
          : u,
      ),
      obligations: built.obligations.map((o) =>
        o.sponsorCode === 'SO-YT' ? { ...o, sponsorName: `${SCRIPT} Sở Y tế` } : o,
      ),
    };
    const text = squeezed(await pdfText(await renderReport(summary, 'pdf')));
    // The unit's card and table rows, its reason and its decision, each as written.
    expect(text.split(squeezed(SCRIPT)).length - 1).toBeGreaterThanOrEqual(3);
    expect(text).toContain(squeezed(IMAGE));
    expect(text).toContain('<i>12</i>/QĐ');
    // Nothing ran: the page still holds the report, not what the image's handler would have written.
    expect(text).not.toContain('PWNED');
    expect(text).toContain(squeezed('BÁO CÁO TỔNG KẾT CHƯƠNG TRÌNH KẾT NGHĨA NĂM 2025'));
  });
});

describe('twinning evaluate / report', () => {
  async function run(...args: string[]): Promise<string[]> {
    const out: string[] = [];
    const deps = {
      getPrisma: () => Promise.resolve(db.prisma),
      out: (line: string) => out.push(line),
      err: (line: string) => out.push(line),
    } as unknown as CliDeps;
    const program = new Command('twinning').exitOverride();
    registerEvaluationCommands(program, deps);
    await program.parseAsync(['node', 'twinning', ...args]);
    return out;
  }

  it('prints the status of every proposal', async () => {
    const json = JSON.parse((await run('evaluate', '--year', String(YEAR), '--json')).join('\n')) as {
      units: { unit: string; side: string }[];
    };
    expect(json.units).toHaveLength(8);
    expect(json.units.find((u) => u.unit === 'H-DB')).toMatchObject({
      proposed: 'KHA',
      final: { P4: 'TOT' },
      confirmed: true,
    });
    const text = (await run('evaluate', '--year', String(YEAR))).join('\n');
    expect(text).toContain('Đánh giá năm 2025: 8 đề xuất, 3 đã xác nhận, 2 bị kiểm điểm.');
    expect(text).toMatch(/SO-YT .*KIỂM ĐIỂM/);
  });

  it('writes the report where asked and refuses an unknown format', async () => {
    const file = join(dir, 'out.html');
    const out = await run('report', '--year', String(YEAR), '--format', 'html', '--out', file);
    expect(out[0]).toContain(file);
    expect((await readFile(file, 'utf8')).startsWith('<!DOCTYPE html>')).toBe(true);
    await expect(run('report', '--year', String(YEAR), '--format', 'docx')).rejects.toThrow('xlsx, csv, pdf');
  });
});
