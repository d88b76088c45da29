/**
 * The administrator's `cycle` commands against a real cycle on the time-skipping server, with the real
 * activities on PostgreSQL: a refusal prints the workflow's bilingual message; positive factors and the final
 * ratings land in the evaluation rows, the workflow's status and the command's output; `cycle show` and the
 * pair page tell the cycle's timeline in words from the catalogue.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Command } from 'commander';
import { registerCycleCommands } from '../../cli/commands/cycle';
import { registerUnitCommands } from '../../cli/commands/unit';
import type { CliDeps } from '../../cli/deps';
import type { CycleProjection } from '../../domain/cycle/types';
import { bilingual } from '../../domain/messages';
import type { UnitEvaluation } from '../../generated/prisma';
import { pairDetail } from '../../services/dashboard';
import { staticContext } from '../../web/views/layout';
import { renderPair } from '../../web/views/pair';
import { loadConfig } from '../../worker/config';
import { statusQuery } from '../../workflows/twinning-cycle';
import { startCycle, type CycleUnderTest } from '../support/cycle-harness';
import { startCycleWorld, type CycleWorld } from '../support/cycle-world';

let world: CycleWorld;
let env: TestWorkflowEnvironment;
let db: CycleWorld['db'];
let taskQueue: string;

async function twinning(...args: string[]): Promise<string[]> {
  const out: string[] = [];
  const deps: CliDeps = {
    getPrisma: () => Promise.resolve(db.prisma),
    getTemporal: () => Promise.resolve(env.client),
    config: loadConfig({}),
    out: (line) => out.push(line),
    err: (line) => out.push(line),
  };
  const program = new Command('twinning').exitOverride();
  registerCycleCommands(program, deps);
  registerUnitCommands(program, deps);
  await program.parseAsync(['node', 'twinning', ...args]);
  return out;
}

async function refusal(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the command was not refused');
}

/** Who the CLI names as the actor (cli/commands/cycle-actions.ts). */
const cliActor = `cli:${process.env.USER ?? 'admin'}`;

// One cycle, P07, driven through the whole year once; each test below reads what it left behind.
let cycle: CycleUnderTest;
let refusals: { rate: string; extend: string };
let factorsOutput: string[];
let rateOutput: string[];
let evaluations: (UnitEvaluation & { unit: { code: string } })[];
let result: CycleProjection;
let status: CycleProjection;
let showOutput: string[];

beforeAll(async () => {
  world = await startCycleWorld('cycle-actions');
  ({ env, db, taskQueue } = world);
  cycle = await startCycle(env, taskQueue, 'P07', { sponsorCode: 'QN-SNN', recipientCode: 'XA-A-XAN' });
  await cycle.at('2026-03-05T09:00:00+07:00');
  refusals = {
    rate: await refusal(twinning('unit', 'rate', 'QN-SNN', '--year', '2026', '--rating', 'Tốt')),
    extend: await refusal(
      twinning(
        'cycle',
        'extend',
        'P07',
        '--year',
        '2026',
        '--obligation',
        'O9',
        '--date',
        '2026-04-01',
        '--reason',
        'x',
      ),
    ),
  };
  // Nothing was ever submitted: by 20 January 2027 the cycle is in evaluation with proposals for both sides.
  await cycle.at('2027-01-20T09:00:00+07:00');
  await env.sleep(60_000);
  factorsOutput = await twinning(
    'unit',
    'factors',
    'XA-A-XAN',
    '--year',
    '2026',
    '--text',
    'Tích cực phòng chống lũ',
  );
  const decision = ['--reason', 'Theo đề nghị của Hội đồng thi đua', '--decision', '99/QĐ-UBND'];
  rateOutput = [
    ...(await twinning('unit', 'rate', 'QN-SNN', '--year', '2026', '--rating', 'Yếu', ...decision)),
    ...(await twinning('unit', 'rate', 'XA-A-XAN', '--year', '2026', '--rating', 'Trung bình', ...decision)),
  ];
  result = await cycle.handle.result();
  status = await cycle.handle.query(statusQuery);
  evaluations = await db.prisma.unitEvaluation.findMany({
    where: { year: 2026 },
    include: { unit: { select: { code: true } } },
    orderBy: { side: 'asc' },
  });
  showOutput = await twinning('cycle', 'show', 'P07', '--year', '2026');
});

afterAll(async () => {
  await world?.teardown();
});

it("refuses a rating before the unit's evaluation began and an unknown obligation, each with its exact message", () => {
  expect(refusals).toEqual({
    rate: bilingual('evaluation.unit.notStarted', { unitCode: 'QN-SNN', year: 2026 }),
    extend: 'Nghĩa vụ không hợp lệ: «O9» (O1…O7). / Unknown obligation "O9" (O1…O7).',
  });
});

it('records the positive factors and the final ratings of both units, with who decided and why', () => {
  expect(factorsOutput).toEqual([
    'Đơn vị XA-A-XAN, năm 2026: đã có đề xuất, chờ Ban Dân tộc xác nhận. / Unit XA-A-XAN, 2026: proposed, waiting for the ethnic-affairs committee to confirm.',
    'Đề xuất: Yếu (0 điểm). / Proposal: Weak (0 points).',
  ]);
  expect(
    evaluations.map((e) => ({
      unit: e.unit.code,
      side: e.side,
      proposedRating: e.proposedRating,
      finalRating: e.finalRating,
      confirmedBy: e.confirmedBy,
      overrideReason: e.overrideReason,
      decisionNumber: e.decisionNumber,
      positiveFactors: e.positiveFactors,
    })),
  ).toEqual([
    {
      unit: 'QN-SNN',
      side: 'SPONSOR',
      proposedRating: 'YEU',
      finalRating: 'YEU',
      confirmedBy: cliActor,
      overrideReason: 'Theo đề nghị của Hội đồng thi đua',
      decisionNumber: '99/QĐ-UBND',
      positiveFactors: null,
    },
    {
      unit: 'XA-A-XAN',
      side: 'RECIPIENT',
      proposedRating: 'YEU',
      finalRating: 'TB',
      confirmedBy: cliActor,
      overrideReason: 'Theo đề nghị của Hội đồng thi đua',
      decisionNumber: '99/QĐ-UBND',
      positiveFactors: 'Tích cực phòng chống lũ',
    },
  ]);
});

it("reports the final ratings in the commands' output and the workflow's status and result", () => {
  expect(rateOutput).toEqual([
    'Đơn vị QN-SNN, năm 2026: đã xác nhận xếp loại. / Unit QN-SNN, 2026: rating confirmed.',
    'Đề xuất: Yếu (0 điểm). / Proposal: Weak (0 points).',
    `Xếp loại chính thức: Yếu (xác nhận bởi ${cliActor}). / Final rating: Weak (confirmed by ${cliActor}).`,
    'Đơn vị XA-A-XAN, năm 2026: đã xác nhận xếp loại. / Unit XA-A-XAN, 2026: rating confirmed.',
    'Đề xuất: Yếu (0 điểm). / Proposal: Weak (0 points).',
    `Xếp loại chính thức: Trung bình (xác nhận bởi ${cliActor}). / Final rating: Average (confirmed by ${cliActor}).`,
  ]);
  // The cycle keeps the level ids of its two units' confirmed ratings.
  const rating = { sponsorRating: 'YEU', recipientRating: 'TB' };
  expect([status.phase, status.closedBy, status.rating, status.unitRatings]).toEqual([
    'closed',
    'rated',
    rating,
    { sponsor: 'YEU', recipient: 'TB' },
  ]);
  expect([result.phase, result.closedBy, result.rating]).toEqual(['closed', 'rated', rating]);
});

it('`cycle show` tells the timeline in Vietnamese then English, from the catalogue', () => {
  const timeline = showOutput.slice(showOutput.indexOf('Diễn biến / timeline:') + 1);
  // The units' own evaluation (proposal, positive factors) is the unit's, not the cycle's: only the confirmed
  // ratings reach this timeline.
  expect(timeline).toEqual([
    '  01/01/2026 00:05  Mở chu kỳ kết nghĩa năm 2026 của cặp P07 — hệ thống / Opened the 2026 twinning cycle of pair P07 — system',
    '  16/02/2026 08:00  Thư nhắc hạn O1 kế hoạch triển khai (Đã gửi) / Reminder of the O1 implementation plan (Sent)',
    '  16/02/2026 08:00  Thư nhắc hạn O2 đề xuất nhu cầu (Đã gửi) / Reminder of the O2 needs proposal (Sent)',
    '  23/02/2026 08:00  Thư nhắc hạn O1 kế hoạch triển khai (Đã gửi) / Reminder of the O1 implementation plan (Sent)',
    '  23/02/2026 08:00  Thư nhắc hạn O2 đề xuất nhu cầu (Đã gửi) / Reminder of the O2 needs proposal (Sent)',
    '  27/02/2026 08:00  Thư nhắc hạn O1 kế hoạch triển khai (Đã gửi) / Reminder of the O1 implementation plan (Sent)',
    '  27/02/2026 08:00  Thư nhắc hạn O2 đề xuất nhu cầu (Đã gửi) / Reminder of the O2 needs proposal (Sent)',
    '  01/03/2026 08:00  Thư nhắc hạn O1 kế hoạch triển khai (Đã gửi) / Reminder of the O1 implementation plan (Sent)',
    '  01/03/2026 08:00  Thư nhắc hạn O2 đề xuất nhu cầu (Đã gửi) / Reminder of the O2 needs proposal (Sent)',
    '  02/03/2026 08:00  Thư nhắc hạn O1 kế hoạch triển khai (Đã gửi) / Reminder of the O1 implementation plan (Sent)',
    '  02/03/2026 08:00  Thư nhắc hạn O2 đề xuất nhu cầu (Đã gửi) / Reminder of the O2 needs proposal (Sent)',
    '  03/03/2026 00:00  O1 kế hoạch triển khai: quá hạn 02/03/2026 mà chưa nộp — hệ thống / O1 implementation plan: missed, not submitted by 02/03/2026 — system',
    '  03/03/2026 00:00  O2 đề xuất nhu cầu: quá hạn 02/03/2026 mà chưa nộp — hệ thống / O2 needs proposal: missed, not submitted by 02/03/2026 — system',
    '  03/03/2026 00:00  Chuyển giai đoạn: Đề xuất nhu cầu → Ký kết — hệ thống / Phase changed: needs proposal → agreement — system',
    '  03/03/2026 08:00  O1 kế hoạch triển khai: leo thang mức 1 — hệ thống / O1 implementation plan: escalated to level 1 — system',
    '  03/03/2026 08:00  O2 đề xuất nhu cầu: leo thang mức 1 — hệ thống / O2 needs proposal: escalated to level 1 — system',
    '  03/03/2026 08:00  Thư leo thang mức 1 về O1 kế hoạch triển khai (Đã gửi) / Level 1 escalation about the O1 implementation plan (Sent)',
    '  03/03/2026 08:00  Thư leo thang mức 1 về O2 đề xuất nhu cầu (Đã gửi) / Level 1 escalation about the O2 needs proposal (Sent)',
    '  09/03/2026 08:00  O1 kế hoạch triển khai: leo thang mức 2 — hệ thống / O1 implementation plan: escalated to level 2 — system',
    '  09/03/2026 08:00  O2 đề xuất nhu cầu: leo thang mức 2 — hệ thống / O2 needs proposal: escalated to level 2 — system',
    '  09/03/2026 08:00  Thư leo thang mức 2 về O1 kế hoạch triển khai (Đã gửi) / Level 2 escalation about the O1 implementation plan (Sent)',
    '  09/03/2026 08:00  Thư leo thang mức 2 về O2 đề xuất nhu cầu (Đã gửi) / Level 2 escalation about the O2 needs proposal (Sent)',
    '  17/03/2026 08:00  Thư nhắc hạn O3 chương trình kết nghĩa đã ký (Đã gửi) / Reminder of the O3 signed twinning programme (Sent)',
    '  24/03/2026 08:00  Thư nhắc hạn O3 chương trình kết nghĩa đã ký (Đã gửi) / Reminder of the O3 signed twinning programme (Sent)',
    '  28/03/2026 08:00  Thư nhắc hạn O3 chương trình kết nghĩa đã ký (Đã gửi) / Reminder of the O3 signed twinning programme (Sent)',
    '  30/03/2026 08:00  Thư nhắc hạn O3 chương trình kết nghĩa đã ký (Đã gửi) / Reminder of the O3 signed twinning programme (Sent)',
    '  31/03/2026 08:00  Thư nhắc hạn O3 chương trình kết nghĩa đã ký (Đã gửi) / Reminder of the O3 signed twinning programme (Sent)',
    '  01/04/2026 00:00  O3 chương trình kết nghĩa đã ký: quá hạn 31/03/2026 mà chưa nộp — hệ thống / O3 signed twinning programme: missed, not submitted by 31/03/2026 — system',
    '  01/04/2026 00:00  Chuyển giai đoạn: Ký kết → Triển khai thực hiện — hệ thống / Phase changed: agreement → implementation — system',
    '  01/04/2026 08:00  O3 chương trình kết nghĩa đã ký: leo thang mức 1 — hệ thống / O3 signed twinning programme: escalated to level 1 — system',
    '  01/04/2026 08:00  Thư leo thang mức 1 về O3 chương trình kết nghĩa đã ký (Đã gửi) / Level 1 escalation about the O3 signed twinning programme (Sent)',
    '  01/04/2026 08:00  Thư nhắc cập nhật tiến độ (Đã gửi) / Progress reminder (Sent)',
    '  07/04/2026 08:00  O3 chương trình kết nghĩa đã ký: leo thang mức 2 — hệ thống / O3 signed twinning programme: escalated to level 2 — system',
    '  07/04/2026 08:00  Thư leo thang mức 2 về O3 chương trình kết nghĩa đã ký (Đã gửi) / Level 2 escalation about the O3 signed twinning programme (Sent)',
    '  01/07/2026 08:00  Thư nhắc cập nhật tiến độ (Đã gửi) / Progress reminder (Sent)',
    '  01/10/2026 08:00  Thư nhắc cập nhật tiến độ (Đã gửi) / Progress reminder (Sent)',
    '  01/12/2026 08:00  Chuyển giai đoạn: Triển khai thực hiện → Báo cáo cuối năm — hệ thống / Phase changed: implementation → year-end reporting — system',
    "  01/12/2026 08:00  Thư nhắc hạn O5 báo cáo sơ kết của đơn vị giúp đỡ (Đã gửi) / Reminder of the O5 sponsor's year-end report (Sent)",
    "  01/12/2026 08:00  Thư nhắc hạn O6 báo cáo kết quả của đơn vị được giúp đỡ (Đã gửi) / Reminder of the O6 recipient's year-end report (Sent)",
    "  08/12/2026 08:00  Thư nhắc hạn O5 báo cáo sơ kết của đơn vị giúp đỡ (Đã gửi) / Reminder of the O5 sponsor's year-end report (Sent)",
    "  08/12/2026 08:00  Thư nhắc hạn O6 báo cáo kết quả của đơn vị được giúp đỡ (Đã gửi) / Reminder of the O6 recipient's year-end report (Sent)",
    "  12/12/2026 08:00  Thư nhắc hạn O5 báo cáo sơ kết của đơn vị giúp đỡ (Đã gửi) / Reminder of the O5 sponsor's year-end report (Sent)",
    "  12/12/2026 08:00  Thư nhắc hạn O6 báo cáo kết quả của đơn vị được giúp đỡ (Đã gửi) / Reminder of the O6 recipient's year-end report (Sent)",
    "  14/12/2026 08:00  Thư nhắc hạn O5 báo cáo sơ kết của đơn vị giúp đỡ (Đã gửi) / Reminder of the O5 sponsor's year-end report (Sent)",
    "  14/12/2026 08:00  Thư nhắc hạn O6 báo cáo kết quả của đơn vị được giúp đỡ (Đã gửi) / Reminder of the O6 recipient's year-end report (Sent)",
    "  15/12/2026 08:00  Thư nhắc hạn O5 báo cáo sơ kết của đơn vị giúp đỡ (Đã gửi) / Reminder of the O5 sponsor's year-end report (Sent)",
    "  15/12/2026 08:00  Thư nhắc hạn O6 báo cáo kết quả của đơn vị được giúp đỡ (Đã gửi) / Reminder of the O6 recipient's year-end report (Sent)",
    '  16/12/2026 00:00  O4 cập nhật tiến độ: quá hạn 15/12/2026 mà chưa nộp — hệ thống / O4 progress entries: missed, not submitted by 15/12/2026 — system',
    "  16/12/2026 00:00  O5 báo cáo sơ kết của đơn vị giúp đỡ: quá hạn 15/12/2026 mà chưa nộp — hệ thống / O5 sponsor's year-end report: missed, not submitted by 15/12/2026 — system",
    "  16/12/2026 00:00  O6 báo cáo kết quả của đơn vị được giúp đỡ: quá hạn 15/12/2026 mà chưa nộp — hệ thống / O6 recipient's year-end report: missed, not submitted by 15/12/2026 — system",
    '  16/12/2026 00:00  Chuyển giai đoạn: Báo cáo cuối năm → Đánh giá — hệ thống / Phase changed: year-end reporting → evaluation — system',
    "  16/12/2026 08:00  O5 báo cáo sơ kết của đơn vị giúp đỡ: leo thang mức 1 — hệ thống / O5 sponsor's year-end report: escalated to level 1 — system",
    "  16/12/2026 08:00  O6 báo cáo kết quả của đơn vị được giúp đỡ: leo thang mức 1 — hệ thống / O6 recipient's year-end report: escalated to level 1 — system",
    "  16/12/2026 08:00  Thư leo thang mức 1 về O5 báo cáo sơ kết của đơn vị giúp đỡ (Đã gửi) / Level 1 escalation about the O5 sponsor's year-end report (Sent)",
    "  16/12/2026 08:00  Thư leo thang mức 1 về O6 báo cáo kết quả của đơn vị được giúp đỡ (Đã gửi) / Level 1 escalation about the O6 recipient's year-end report (Sent)",
    "  22/12/2026 08:00  O5 báo cáo sơ kết của đơn vị giúp đỡ: leo thang mức 2 — hệ thống / O5 sponsor's year-end report: escalated to level 2 — system",
    "  22/12/2026 08:00  O6 báo cáo kết quả của đơn vị được giúp đỡ: leo thang mức 2 — hệ thống / O6 recipient's year-end report: escalated to level 2 — system",
    "  22/12/2026 08:00  Thư leo thang mức 2 về O5 báo cáo sơ kết của đơn vị giúp đỡ (Đã gửi) / Level 2 escalation about the O5 sponsor's year-end report (Sent)",
    "  22/12/2026 08:00  Thư leo thang mức 2 về O6 báo cáo kết quả của đơn vị được giúp đỡ (Đã gửi) / Level 2 escalation about the O6 recipient's year-end report (Sent)",
    '  01/01/2027 08:00  Thư nhắc hạn O7 đánh giá, xếp loại (Đã gửi) / Reminder of the O7 evaluation and rating (Sent)',
    '  08/01/2027 08:00  Thư nhắc hạn O7 đánh giá, xếp loại (Đã gửi) / Reminder of the O7 evaluation and rating (Sent)',
    '  12/01/2027 08:00  Thư nhắc hạn O7 đánh giá, xếp loại (Đã gửi) / Reminder of the O7 evaluation and rating (Sent)',
    '  14/01/2027 08:00  Thư nhắc hạn O7 đánh giá, xếp loại (Đã gửi) / Reminder of the O7 evaluation and rating (Sent)',
    '  15/01/2027 08:00  Thư nhắc hạn O7 đánh giá, xếp loại (Đã gửi) / Reminder of the O7 evaluation and rating (Sent)',
    '  16/01/2027 00:00  O7 đánh giá, xếp loại: quá hạn 15/01/2027 mà chưa nộp — hệ thống / O7 evaluation and rating: missed, not submitted by 15/01/2027 — system',
    '  16/01/2027 08:00  O7 đánh giá, xếp loại: leo thang mức 1 — hệ thống / O7 evaluation and rating: escalated to level 1 — system',
    '  16/01/2027 08:00  Thư leo thang mức 1 về O7 đánh giá, xếp loại (Đã gửi) / Level 1 escalation about the O7 evaluation and rating (Sent)',
    `  20/01/2027 09:01  Xếp loại của đơn vị giúp đỡ QN-SNN được xác nhận: Yếu; lý do: Theo đề nghị của Hội đồng thi đua; quyết định số 99/QĐ-UBND — ${cliActor} / Rating of the sponsor QN-SNN confirmed: Weak; reason: Theo đề nghị của Hội đồng thi đua; decision no. 99/QĐ-UBND — ${cliActor}`,
    `  20/01/2027 09:01  Xếp loại của đơn vị được giúp đỡ XA-A-XAN được xác nhận: Trung bình; lý do: Theo đề nghị của Hội đồng thi đua; quyết định số 99/QĐ-UBND — ${cliActor} / Rating of the recipient XA-A-XAN confirmed: Average; reason: Theo đề nghị của Hội đồng thi đua; decision no. 99/QĐ-UBND — ${cliActor}`,
    `  20/01/2027 09:01  O7 đánh giá, xếp loại: đơn vị giúp đỡ được xếp loại Yếu, đơn vị được giúp đỡ được xếp loại Trung bình; sau hạn — ${cliActor} / O7 evaluation and rating: sponsor rated Weak, recipient rated Average; after the deadline — ${cliActor}`,
    '  20/01/2027 09:01  Chuyển giai đoạn: Đánh giá → Đã kết thúc — hệ thống / Phase changed: evaluation → closed — system',
  ]);
});

it('the pair page tells the same timeline in the reader’s language', async () => {
  const detail = await pairDetail(db.prisma, { kind: 'all' }, 'P07', {
    year: 2026,
    now: new Date('2027-01-21T09:00:00+07:00'),
    includeContacts: false,
    temporalNamespace: 'default',
  });
  const items = (lang: 'vi' | 'en') => {
    const page = renderPair(staticContext(lang), { year: 2026, detail: detail! });
    const timeline = /<ul data-testid="timeline"[^>]*>([\s\S]*?)<\/ul>/.exec(page)?.[1] ?? '';
    return [...timeline.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) =>
      m[1]!
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  };
  const vi = items('vi');
  const en = items('en');
  expect([vi.length, en.length]).toEqual([
    showOutput.length - showOutput.indexOf('Diễn biến / timeline:') - 1,
    vi.length,
  ]);
  expect(vi.slice(0, 2)).toEqual([
    '01/01/2026 00:05 — Mở chu kỳ kết nghĩa năm 2026 của cặp P07 — hệ thống',
    '16/02/2026 08:00 — Thư nhắc hạn O1 kế hoạch triển khai (Đã gửi)',
  ]);
  expect(en.slice(0, 2)).toEqual([
    '01/01/2026 00:05 — Opened the 2026 twinning cycle of pair P07 — system',
    '16/02/2026 08:00 — Reminder of the O1 implementation plan (Sent)',
  ]);
  expect(vi.slice(-2)).toEqual([
    `20/01/2027 09:01 — O7 đánh giá, xếp loại: đơn vị giúp đỡ được xếp loại Yếu, đơn vị được giúp đỡ được xếp loại Trung bình; sau hạn — ${cliActor}`,
    '20/01/2027 09:01 — Chuyển giai đoạn: Đánh giá → Đã kết thúc — hệ thống',
  ]);
  expect(en.slice(-2)).toEqual([
    `20/01/2027 09:01 — O7 evaluation and rating: sponsor rated Weak, recipient rated Average; after the deadline — ${cliActor}`,
    '20/01/2027 09:01 — Phase changed: evaluation → closed — system',
  ]);
  expect(en).toContain(
    '16/12/2026 08:00 — Level 1 escalation about the O5 sponsor&#39;s year-end report (Sent)',
  );
});
