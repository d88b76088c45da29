/**
 * Replays saved histories of cycle scenarios against the current workflow code: a change that would break
 * running cycles (a non-determinism) fails here. Histories are recorded by the workflow tests under a new
 * prefix (RECORD_HISTORIES=v3, see test/support/cycle-harness.ts); a deliberate change of running code must be
 * guarded with patched() so that these old histories keep replaying. The histories are in clear (recorded before
 * payload encryption, or saved decoded) and replay on a worker with the product's payload codec, which passes
 * payloads in clear through: cycles started before encryption go on running.
 */
import { promises as fs, readdirSync } from 'node:fs';
import path from 'node:path';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import { payloadDataConverter } from '../../system/payload-codec';
import { generatePayloadKey } from '../../system/payload-keys';
import { silentLogger } from '../../system/silent-logger';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { PATCHES } from '../../workflows/twinning-cycle';
import { HISTORY_DIR } from '../support/cycle-harness';
import { workflowBundleOptions } from '../../worker/workflow-bundle';

let bundle: WorkflowBundleWithSourceMap;

/**
 * The patches each prefix's histories were recorded with: `v1-*` before both, `v2-*` after. Recording under a
 * new prefix means adding it here, so that a history that silently lost (or gained) a patch fails.
 */
const PATCHES_BY_PREFIX: Readonly<Record<string, readonly string[]>> = {
  v1: [],
  v2: [PATCHES.mailDelivery, PATCHES.ratings],
  // The runner (units rated as units, the pair's period): v3 the scenarios of cycle-year, v4 those of
  // unit-ratings; unit evaluation workflows carry no patch yet.
  v3: [PATCHES.runner],
  v4: [PATCHES.runner],
};

/** Histories of workflows that were born with the runner and carry no patch of their own. */
const UNPATCHED_WORKFLOWS = ['unit-evaluation-'];

beforeAll(async () => {
  // Bundled as the worker bundles it.
  bundle = await bundleWorkflowCode({ ...workflowBundleOptions(), logger: silentLogger });
});

// Read at collection time so each saved history is its own test case.
const names = readdirSync(HISTORY_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

async function readHistory(name: string): Promise<temporal.api.history.v1.IHistory> {
  return historyFromJSON(JSON.parse(await fs.readFile(path.join(HISTORY_DIR, `${name}.json`), 'utf8')));
}

/**
 * The patch IDs a history carries. SDK 1.24 records each `patched()` that returned true as a MARKER_RECORDED
 * event `core_patch` whose `patch-data` payload is `{ id, deprecated }` (the histories' `sdkMetadata` holds
 * only core flags); a later SDK that records them elsewhere makes the `v2-*` cases below fail.
 */
function patchesOf(history: temporal.api.history.v1.IHistory): string[] {
  return (history.events ?? []).flatMap((event) => {
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName !== 'core_patch') return [];
    const payload = marker.details?.['patch-data']?.payloads?.[0];
    if (!payload) throw new Error(`core_patch marker ${String(event.eventId)} has no patch-data`);
    return [defaultPayloadConverter.fromPayload<{ id: string }>(payload as Payload).id];
  });
}

describe('saved histories replay on the current code', () => {
  it('has histories from before and after each patch', () => {
    expect(names.filter((n) => n.startsWith('v1-')).length).toBeGreaterThanOrEqual(4);
    expect(names.filter((n) => n.startsWith('v2-')).length).toBeGreaterThanOrEqual(4);
  });

  for (const name of names) {
    it(`${name} carries exactly the patches of its prefix`, async () => {
      const prefix = name.slice(0, name.indexOf('-'));
      const expected = PATCHES_BY_PREFIX[prefix];
      if (expected === undefined) {
        throw new Error(
          `${name}.json: prefix ${prefix} is not in PATCHES_BY_PREFIX (test/replay/replay.test.ts)`,
        );
      }
      const own = UNPATCHED_WORKFLOWS.some((w) => name.slice(prefix.length + 1).startsWith(w))
        ? []
        : expected;
      expect(patchesOf(await readHistory(name)).sort()).toEqual([...own].sort());
    });

    it(name, async () => {
      await expect(
        Worker.runReplayHistory(
          { workflowBundle: bundle, dataConverter: payloadDataConverter([generatePayloadKey('replay')]) },
          await readHistory(name),
          `replay-${name}`,
        ),
      ).resolves.toBeUndefined();
    });
  }
});
