/**
 * `twinning roster merge` as an administrator runs it, on the real Temporal dev server (the cycles it starts
 * carry the typed search attributes, which the time-skipping server lacks) with a worker, on PostgreSQL: the
 * bilingual lines it prints for a refusal, a merger, the same merger again, and a Temporal server out of reach
 * after the commit (exit code 1, "run the command again"), which a second run finishes. The CLI's clock is
 * injected: the year opens, and the merger is decided, on 20/06/2026 whatever today is.
 */
import { Client, Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { registerRosterCommands } from '../../cli/commands/roster';
import type { CliDeps } from '../../cli/deps';
import { RECIPIENT, SPONSOR } from '../../domain/cycle/search-attributes';
import { openYear } from '../../services/cycle-opener';
import type { AppConfig } from '../../worker/config';
import { statusQuery, type twinningCycleWorkflow } from '../../workflows/twinning-cycle';
import { runTwinning } from '../support/cli';
import type { TestDatabase } from '../support/db';
import { startDevWorld, type DevWorld } from '../support/dev-world';

/** The business instant the year opens and the merger is decided at. */
const decidedAt = '2026-06-20T09:00:00+07:00';

let world: DevWorld;
let env: TestWorkflowEnvironment;
let db: TestDatabase;
let config: AppConfig;

beforeAll(async () => {
  world = await startDevWorld('roster-merge-cli', {
    roster: 'merge-roster.json',
    staffYear: 2026,
    searchAttributes: true,
    env: { USER: 'lan' },
  });
  ({ env, db, config } = world);
  const opened = await openYear(db.prisma, env.client, {
    year: 2026,
    taskQueue: world.taskQueue,
    openedAt: decidedAt,
  });
  expect(opened.started).toEqual(['PT-1', 'PT-2', 'PT-3', 'PT-4', 'PT-5']);
});

afterAll(async () => {
  await world?.teardown();
});

/** Runs `twinning …` with the test's services; `temporal` replaces the Temporal connection. */
async function twinning(
  args: string[],
  temporal: () => Promise<Client> = () => Promise.resolve(env.client),
): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const deps: CliDeps = {
    getPrisma: () => Promise.resolve(db.prisma),
    getTemporal: temporal,
    config,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    now: () => new Date(decidedAt),
  };
  const code = await runTwinning(registerRosterCommands, deps, args);
  return { code, out, err };
}

function cycle(pair: string) {
  return env.client.workflow.getHandle<typeof twinningCycleWorkflow>(`twinning-cycle:${pair}:2026`);
}

const merge = ['roster', 'merge', '--into', 'XA-NAM-TRA-MY', '--from', 'XA-TRA-TAP,XA-TRA-CANG'];

describe('twinning roster merge', () => {
  it('prints every refusal and writes nothing', async () => {
    const result = await twinning([
      'roster',
      'merge',
      '--into',
      'XA-NAM-TRA-MY',
      '--from',
      'P-HOI-AN,XA-KHONG-CO',
      '--on',
      '2026-13-01',
    ]);
    expect(result).toEqual({
      code: 1,
      out: [],
      err: [
        'Ngày sáp nhập «2026-13-01» không hợp lệ; dùng dạng yyyy-mm-dd hoặc dd/mm/yyyy. / The merger date "2026-13-01" is invalid; use yyyy-mm-dd or dd/mm/yyyy.',
        '«P-HOI-AN» (loại LOWLAND_COMMUNE) và «XA-NAM-TRA-MY» (loại COMMUNE) không cùng một bên: bên kết nghĩa chỉ sáp nhập vào bên kết nghĩa, bên được kết nghĩa chỉ sáp nhập vào bên được kết nghĩa. / "P-HOI-AN" (kind LOWLAND_COMMUNE) and "XA-NAM-TRA-MY" (kind COMMUNE) are not on the same side: a sponsor merges only into a sponsor, a recipient only into a recipient.',
        'Đơn vị được sáp nhập «XA-KHONG-CO» không có trong danh sách đơn vị. / The unit to merge, "XA-KHONG-CO", is not in the roster.',
        'Không sáp nhập: 3 lỗi; không có gì được ghi vào cơ sở dữ liệu. / Nothing merged: 3 error(s); nothing was written to the database.',
      ],
    });
    expect(await db.prisma.auditEvent.count({ where: { action: 'roster.merge' } })).toBe(0);
  });

  it('merges, says what it did, and the second time that it had been done', async () => {
    const first = await twinning([...merge, '--on', '01/07/2026', '--decision', '1656/NQ-UBTVQH15']);
    expect(first).toEqual({
      code: 0,
      out: [
        'Sáp nhập vào «XA-NAM-TRA-MY» từ ngày 01/07/2026 (2 đơn vị): XA-TRA-TAP, XA-TRA-CANG. / Merged into "XA-NAM-TRA-MY" from 01/07/2026 (2 unit(s)): XA-TRA-TAP, XA-TRA-CANG.',
        'Cặp kết thúc ngày 30/06/2026 (3): PT-1, PT-2, PT-3. / Pairs ended on 30/06/2026 (3): PT-1, PT-2, PT-3.',
        'Cặp kế tiếp tạo mới từ ngày 01/07/2026 (2): PT-1 → PT-1-XA-NAM-TRA-MY, PT-2 → PT-2-XA-NAM-TRA-MY. / Successor pairs created from 01/07/2026 (2): PT-1 → PT-1-XA-NAM-TRA-MY, PT-2 → PT-2-XA-NAM-TRA-MY.',
        'Cặp kế tiếp dùng lại cặp đã có (1): PT-3 → PT-4. / Existing pairs reused as successors (1): PT-3 → PT-4.',
        'Chu kỳ năm 2026 được báo kết thúc ngày 30/06/2026 (3): PT-1, PT-2, PT-3. / Cycles of 2026 told to end on 30/06/2026 (3): PT-1, PT-2, PT-3.',
        'Chu kỳ năm 2026 được khởi động (2): PT-1-XA-NAM-TRA-MY, PT-2-XA-NAM-TRA-MY. / Cycles of 2026 started (2): PT-1-XA-NAM-TRA-MY, PT-2-XA-NAM-TRA-MY.',
      ],
      err: [],
    });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'roster.merge' } });
    expect([audit.actor, (audit.after as { reason: string }).reason]).toEqual([
      'cli:lan',
      'Sáp nhập XA-TRA-TAP, XA-TRA-CANG vào XA-NAM-TRA-MY từ ngày 01/07/2026',
    ]);
    expect((await cycle('PT-2').query(statusQuery)).periodEndsOn).toBe('2026-06-30');
    // The successor's cycle opened on the CLI's clock, with the search attributes of a real server.
    const successor = await cycle('PT-1-XA-NAM-TRA-MY').describe();
    expect(successor.typedSearchAttributes.get(SPONSOR)).toBe('SO-TC');
    expect(successor.typedSearchAttributes.get(RECIPIENT)).toBe('XA-NAM-TRA-MY');
    const status = await cycle('PT-1-XA-NAM-TRA-MY').query(statusQuery);
    expect(status.obligations.map((o) => o.status)).toEqual([
      'notApplicable',
      'notApplicable',
      'notApplicable',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);

    const again = await twinning([...merge, '--on', '2026-07-01', '--decision', '1656/NQ-UBTVQH15']);
    expect(again).toEqual({
      code: 0,
      out: [
        'Sáp nhập vào «XA-NAM-TRA-MY» từ ngày 01/07/2026 (0 đơn vị): —. / Merged into "XA-NAM-TRA-MY" from 01/07/2026 (0 unit(s)): —.',
        'Đã sáp nhập từ trước, không ghi lại (2 đơn vị): XA-TRA-TAP, XA-TRA-CANG. / Merged before, not written again (2 unit(s)): XA-TRA-TAP, XA-TRA-CANG.',
        'Cặp kết thúc ngày 30/06/2026 (0): —. / Pairs ended on 30/06/2026 (0): —.',
        'Cặp kế tiếp tạo mới từ ngày 01/07/2026 (0): —. / Successor pairs created from 01/07/2026 (0): —.',
        'Chu kỳ năm 2026 được báo kết thúc ngày 30/06/2026 (0): —. / Cycles of 2026 told to end on 30/06/2026 (0): —.',
        'Chu kỳ năm 2026 đã được báo từ trước (3): PT-1, PT-2, PT-3. / Cycles of 2026 told before (3): PT-1, PT-2, PT-3.',
        'Chu kỳ năm 2026 được khởi động (0): —. / Cycles of 2026 started (0): —.',
      ],
      err: [],
    });
    expect(await db.prisma.auditEvent.count({ where: { action: 'roster.merge' } })).toBe(1);
  });

  it('says to run it again when Temporal is out of reach after the commit, and the second run finishes', async () => {
    const args = ['roster', 'merge', '--into', 'XA-TRA-LENG', '--from', 'XA-TRA-DON', '--on', '2026-09-01'];
    const down = await twinning(args, () =>
      Connection.connect({ address: '127.0.0.1:1', connectTimeout: '1s' }).then(
        (connection) => new Client({ connection }),
      ),
    );
    expect(down).toEqual({
      code: 1,
      out: [
        'Sáp nhập vào «XA-TRA-LENG» từ ngày 01/09/2026 (1 đơn vị): XA-TRA-DON. / Merged into "XA-TRA-LENG" from 01/09/2026 (1 unit(s)): XA-TRA-DON.',
        'Cặp kết thúc ngày 31/08/2026 (1): PT-5. / Pairs ended on 31/08/2026 (1): PT-5.',
        'Cặp kế tiếp tạo mới từ ngày 01/09/2026 (1): PT-5 → PT-5-XA-TRA-LENG. / Successor pairs created from 01/09/2026 (1): PT-5 → PT-5-XA-TRA-LENG.',
      ],
      err: [
        'Việc sáp nhập đã được ghi vào cơ sở dữ liệu, nhưng chưa báo được cho máy chủ Temporal (Failed to connect before the deadline): hãy chạy lại lệnh để hoàn tất. / The merger is saved in the database, but the Temporal server could not be told (Failed to connect before the deadline): run the command again to finish.',
      ],
    });
    const finished = await twinning(args);
    expect([finished.code, finished.out.slice(-2), finished.err]).toEqual([
      0,
      [
        'Chu kỳ năm 2026 được báo kết thúc ngày 31/08/2026 (1): PT-5. / Cycles of 2026 told to end on 31/08/2026 (1): PT-5.',
        'Chu kỳ năm 2026 được khởi động (1): PT-5-XA-TRA-LENG. / Cycles of 2026 started (1): PT-5-XA-TRA-LENG.',
      ],
      [],
    ]);
    expect((await cycle('PT-5').query(statusQuery)).periodEndsOn).toBe('2026-08-31');
  });
});
