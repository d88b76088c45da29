/**
 * Households' names stay out of the engine in clear. 100 distinct names are entered as the beneficiaries of
 * progress entries — half through CycleCommands (the client the CLI and the web server send Updates with), half
 * typed into the web dashboard's progress form by a signed-in sponsor officer, one name per line — to cycles on the real Temporal dev server (its SQLite file), run by a real worker process logging at debug level,
 * with reminders and e-mails flowing. None of the names appears in the Temporal database files, in
 * `temporal workflow show` without the codec, in any log file, or in any e-mail caught; each appears, decoded,
 * to a client holding the payload keys (what the codec endpoint gives an administrator), and in the read model.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { simpleParser } from 'mailparser';
import { cycleWorkflowId } from '../../domain/workflow-ids';
import { CycleCommands } from '../../services/cycle-commands';
import { temporalCliPath } from '../../system/toolchain';
import { historyInClear } from '../support/cycle-harness';
import { startFaultWorld, type FaultWorld } from '../support/fault-world';
import { eventually } from '../support/eventually';
import { dataText, payloadsIn } from '../support/payloads';
import { startFaultWeb } from '../support/fault-web';

const PAIRS = 4;
const PER_PAIR = 25;
const FAMILIES = ['Hồ', 'Zơ Râm', 'Bhling', 'Alăng', 'Clâu'];
const MIDDLE = ['Thị', 'Văn', 'Đình', 'Ngọc'];
const GIVEN = ['Bốp', 'Lụa', 'Hiếu', 'Mơ', 'Trớ'];
/** 100 distinct names, as an officer would type them. */
const NAMES = FAMILIES.flatMap((f) => MIDDLE.flatMap((m) => GIVEN.map((g) => `${f} ${m} ${g}`)));
// 15/05/2026 09:00 local: mid-year, the cycles opened then are carrying out their programme.
const OPENED_AT = '2026-05-15T02:00:00.000Z';
const run = promisify(execFile);
let world: FaultWorld;

beforeAll(async () => {
  world = await startFaultWorld('household-names', PAIRS);
});

afterAll(async () => {
  await world?.teardown();
});

/** Every file under `dir` whose name matches, with its bytes. */
async function filesIn(dir: string, match: RegExp): Promise<{ name: string; bytes: Buffer }[]> {
  const names = (await fs.readdir(dir)).filter((n) => match.test(n));
  return Promise.all(names.map(async (name) => ({ name, bytes: await fs.readFile(path.join(dir, name)) })));
}

/** The names found in `bytes` (as UTF-8: the form every one of these files would hold them in). */
const namesIn = (bytes: Buffer): string[] => NAMES.filter((n) => bytes.includes(Buffer.from(n, 'utf8')));

it('100 household names: none in the Temporal database, `workflow show`, the logs or the e-mails; each decoded with the keys', async () => {
  expect(new Set(NAMES).size).toBe(100);
  await world.startWorker('worker', { LOG_LEVEL: 'debug' });
  expect(await world.openAt(2026, OPENED_AT)).toBe(PAIRS);
  const client = await world.client();
  const commands = new CycleCommands(client, world.db.prisma);
  const pairCodes = Array.from({ length: PAIRS }, (_, i) => `P${String(i + 1).padStart(5, '0')}`);
  // The first half of the pairs through the client, the second through the web form.
  const viaClient = pairCodes.slice(0, PAIRS / 2);
  const viaWeb = pairCodes.slice(PAIRS / 2);
  const namesOf = (pairCode: string): string[] => {
    const i = pairCodes.indexOf(pairCode);
    return NAMES.slice(i * PER_PAIR, (i + 1) * PER_PAIR);
  };
  for (const pairCode of viaClient) {
    const beneficiaries = namesOf(pairCode);
    const result = await commands.progress(pairCode, 2026, {
      side: 'sponsor',
      actor: 'test:sponsor',
      data: {
        category: 'SOCIAL_SECURITY',
        households: beneficiaries.length,
        amountDong: 25_000_000,
        modelsBuilt: 0,
        modelsReplicated: 0,
        studyTours: 0,
        description: 'Hỗ trợ bò giống cho hộ nghèo',
        beneficiaries,
      },
    });
    expect(result).toMatchObject({ ok: true });
  }
  const web = await startFaultWeb(world);
  try {
    for (const pairCode of viaWeb) {
      const officer = await web.sponsorOfficer(
        pairCode,
        `canbo-${pairCode.toLowerCase()}@donvi.example.gov.vn`,
      );
      const answer = await officer.postForm(`/pairs/${pairCode}/2026/progress`, {
        category: 'SOCIAL_SECURITY',
        households: String(PER_PAIR),
        amountDong: '25.000.000',
        modelsBuilt: '0',
        modelsReplicated: '0',
        studyTours: '0',
        description: 'Hỗ trợ bò giống cho hộ nghèo',
        beneficiaries: namesOf(pairCode).join('\r\n'),
      });
      expect([answer.statusCode, answer.headers.location]).toEqual([303, `/pairs/${pairCode}?year=2026`]);
    }
  } finally {
    await web.close();
  }
  // A reminder the administrator resends, so that e-mail about these very cycles flows while names are held.
  expect(await commands.resend(pairCodes[0]!, 2026, { obligation: 'O5', actor: 'test:admin' })).toMatchObject(
    { ok: true },
  );

  // The read model holds every name (the worker decoded them).
  const stored = await eventually(
    () => world.db.prisma.progressEntry.findMany({ select: { beneficiaries: true } }),
    (rows) => rows.length === PAIRS,
  );
  expect(stored.flatMap((r) => r.beneficiaries as string[]).sort()).toEqual([...NAMES].sort());
  await eventually(
    () => Promise.resolve(world.messages().length),
    (n) => n >= 1,
    60_000,
  );

  // A client with the keys (the codec) reads every name back from the server's histories.
  const decoded: string[] = [];
  for (const pairCode of pairCodes) {
    const clear = await historyInClear(client.workflow.getHandle(cycleWorkflowId(pairCode, 2026)));
    decoded.push(...payloadsIn(JSON.parse(clear)).map(dataText));
  }
  expect(NAMES.filter((n) => !decoded.some((d) => d.includes(n)))).toEqual([]);

  // `temporal workflow show` without the codec: ciphertext only.
  const shown: string[] = [];
  for (const pairCode of pairCodes) {
    const { stdout } = await run(temporalCliPath(world.config), [
      'workflow',
      'show',
      '--workflow-id',
      cycleWorkflowId(pairCode, 2026),
      '--address',
      world.temporalAddress,
      '--output',
      'json',
    ]);
    shown.push(stdout);
  }
  expect(shown.join('').length).toBeGreaterThan(10_000);
  expect(namesIn(Buffer.from(shown.join('\n')))).toEqual([]);

  // The Temporal server's SQLite file (and its write-ahead log), read as bytes.
  const databaseFiles = await filesIn(world.dir, /^temporal\.db/);
  expect(databaseFiles.map((f) => f.name)).toContain('temporal.db');
  // The file holds the histories uncompressed (the workflow IDs, the read-model write's local-activity type, the
  // encrypted payloads' encoding can be read in it), so a name in clear would be found.
  const all = Buffer.concat(databaseFiles.map((f) => f.bytes));
  expect(all.includes(Buffer.from(cycleWorkflowId(pairCodes[3]!, 2026)))).toBe(true);
  expect(all.includes(Buffer.from('applyCycleEffects'))).toBe(true);
  expect(all.includes(Buffer.from('binary/encrypted'))).toBe(true);
  for (const file of databaseFiles)
    expect({ file: file.name, names: namesIn(file.bytes) }).toEqual({ file: file.name, names: [] });

  // Every log file: the worker's at debug level, and the server's.
  const logs = await filesIn(world.dir, /\.log$/);
  expect(logs.map((l) => l.name).sort()).toEqual(['temporal.log', 'worker.log']);
  expect(logs.find((l) => l.name === 'worker.log')!.bytes.length).toBeGreaterThan(0);
  for (const log of logs)
    expect({ file: log.name, names: namesIn(log.bytes) }).toEqual({ file: log.name, names: [] });

  // Every e-mail caught, decoded from its transfer encoding (names would be base64 or quoted-printable inside).
  for (const message of world.messages()) {
    const parsed = await simpleParser(message.raw);
    const text = [
      parsed.subject,
      parsed.text,
      parsed.html || '',
      ...parsed.attachments.map((a) => a.content.toString('utf8')),
    ].join('\n');
    expect(namesIn(Buffer.concat([message.raw, Buffer.from(text)]))).toEqual([]);
  }
}, 300_000);
