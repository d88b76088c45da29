/**
 * Households' names never reach the Temporal server in clear. A cycle on the time-skipping server receives a
 * progress entry with beneficiaries through CycleCommands (as the CLI and the web send it); its history, read
 * by a client without the codec, holds only `binary/encrypted` payloads and not one of the names, while the same
 * history decoded through the codec, the status query and the read model hold the entry. The history in clear
 * (the form saved for the replay tests) still replays on a worker without the codec.
 */
import { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { CYCLE_MESSAGES } from '../../domain/workflow-ids';
import { CycleCommands } from '../../services/cycle-commands';
import { payloadFromJson } from '../../system/payload-codec';
import { silentLogger } from '../../system/silent-logger';
import { workflowBundleOptions } from '../../worker/workflow-bundle';
import { statusQuery } from '../../workflows/twinning-cycle';
import { historyInClear, startCycle } from '../support/cycle-harness';
import { startCycleWorld, type CycleWorld } from '../support/cycle-world';
import { eventually } from '../support/eventually';
import { dataText, encodingOf, payloadEntries, payloadsIn } from '../support/payloads';

const NAMES = ['Hồ Thị Lan', 'Zơ Râm Thị Bốp', 'Y Bhiông Niê'];

let world: CycleWorld;
let env: TestWorkflowEnvironment;
let db: CycleWorld['db'];

beforeAll(async () => {
  world = await startCycleWorld('payload-encryption');
  ({ env, db } = world);
});

afterAll(async () => {
  await world?.teardown();
});

/** The decoded value of one JSON payload of a history. */
const valueOf = (json: unknown): unknown => {
  const [payload] = payloadsIn(json);
  if (!payload) throw new Error('no payload there');
  return defaultPayloadConverter.fromPayload(payloadFromJson(payload));
};

it('keeps the beneficiaries of a progress entry out of the server in clear, and gives them back through the codec', async () => {
  const commands = new CycleCommands(env.client, db.prisma);
  const cycle = await startCycle(env, world.taskQueue, 'P01', {
    sponsorCode: 'QN-SNN',
    recipientCode: 'XA-LA-DEE',
  });
  await cycle.at('2026-02-24T09:00:00+07:00');
  expect(
    await commands.submit('P01', 2026, {
      obligation: 'O1',
      side: 'recipient',
      actor: 'test:recipient',
      data: { summary: 'Kế hoạch', monitoringAssignment: 'Phó Chủ tịch xã' },
    }),
  ).toMatchObject({ ok: true });
  await cycle.at('2026-05-15T09:00:00+07:00');
  const sent = await commands.progress('P01', 2026, {
    side: 'sponsor',
    actor: 'test:sponsor',
    data: {
      category: 'SOCIAL_SECURITY',
      households: 3,
      amountDong: 30_000_000,
      modelsBuilt: 0,
      modelsReplicated: 0,
      studyTours: 0,
      description: 'Hỗ trợ nhà ở cho hộ nghèo',
      beneficiaries: NAMES,
    },
  });
  expect(sent).toMatchObject({ ok: true });

  // The activity received the names (decoded by the worker) and wrote them to the read model.
  const stored = await db.prisma.cycle.findUniqueOrThrow({ where: { workflowId: cycle.workflowId } });
  const entries = await eventually(
    () => db.prisma.progressEntry.findMany({ where: { cycleId: stored.id } }),
    (rows) => rows.length > 0,
  );
  expect(entries.map((e) => e.beneficiaries)).toEqual([NAMES]);
  expect((await cycle.handle.query(statusQuery)).progressEntries).toBe(1);

  // The server's history, read without the codec.
  const raw = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  const rawHandle = raw.workflow.getHandle(cycle.workflowId);
  const rawJson = historyToJSON(await rawHandle.fetchHistory());
  const rawEntries = payloadEntries(JSON.parse(rawJson));
  const rawPayloads = rawEntries.map((e) => e.payload);
  // The SDK's own bookkeeping never passes through a codec: patch markers, the local activity markers' `data`
  // (activity type, attempt, times; the result beside it is encrypted) and search attributes.
  const sdkOwn = (path: string): string | undefined =>
    /markerRecordedEventAttributes\.details\.(patch-data|data)\.|searchAttributes\.indexedFields\.(\w+)/
      .exec(path)
      ?.slice(1)
      .find((g) => g !== undefined);
  expect([...new Set(rawEntries.map((e) => sdkOwn(e.path)).filter((k) => k !== undefined))].sort()).toEqual([
    'TemporalChangeVersion',
    'data',
    'patch-data',
  ]);
  const ours = rawEntries.filter((e) => sdkOwn(e.path) === undefined).map((e) => e.payload);
  expect(ours.length).toBeGreaterThan(10);
  expect([...new Set(ours.map(encodingOf))]).toEqual(['binary/encrypted']);
  const keyId = world.payloadKeys.slice(0, world.payloadKeys.indexOf(':'));
  expect(keyId).toMatch(/^sandbox-[0-9a-f]{6}$/);
  expect([
    ...new Set(ours.map((p) => Buffer.from(p.metadata?.['encryption-key-id'] ?? '', 'base64').toString())),
  ]).toEqual([keyId]);
  const rawText = `${rawJson}\n${rawPayloads.map(dataText).join('\n')}`;
  for (const name of [...NAMES, 'Hỗ trợ nhà ở cho hộ nghèo']) {
    expect(rawText).not.toContain(name);
    expect(rawText).not.toContain(Buffer.from(name).toString('base64'));
  }
  // A client without the key cannot read the cycle either.
  await expect(rawHandle.query(statusQuery)).rejects.toThrow('Unknown encoding: binary/encrypted');

  // The same history through the codec: the Update's argument carries the entry, names included.
  const clear = await historyInClear(cycle.handle);
  const events = (JSON.parse(clear) as { events: Array<Record<string, unknown>> }).events;
  const clearPayloads = payloadsIn(events);
  expect(clearPayloads).toHaveLength(rawPayloads.length);
  expect(clearPayloads.map(encodingOf)).not.toContain('binary/encrypted');
  // Exactly the encrypted payloads changed; the SDK's own came through as they were.
  expect(clearPayloads.filter((p, i) => dataText(p) !== dataText(rawPayloads[i] ?? {})).length).toBe(
    ours.length,
  );
  const accepted = events
    .map(
      (e) =>
        e.workflowExecutionUpdateAcceptedEventAttributes as
          | { acceptedRequest?: { input?: { name?: string; args?: unknown } } }
          | undefined,
    )
    .filter((a) => a?.acceptedRequest?.input?.name === CYCLE_MESSAGES.progress);
  expect(accepted).toHaveLength(1);
  expect(valueOf(accepted[0]?.acceptedRequest?.input?.args)).toMatchObject({
    side: 'sponsor',
    data: { households: 3, beneficiaries: NAMES },
  });
  const clearText = clearPayloads.map(dataText).join('\n');
  for (const name of NAMES) expect(clearText).toContain(name);

  // The history in clear replays on a worker that has no codec at all, as the saved histories do.
  await expect(
    Worker.runReplayHistory(
      {
        workflowBundle: await bundleWorkflowCode({ ...workflowBundleOptions(), logger: silentLogger }),
      },
      historyFromJSON(JSON.parse(clear)),
      cycle.workflowId,
    ),
  ).resolves.toBeUndefined();
  await cycle.handle.terminate('test over');
});
