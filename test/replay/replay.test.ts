/**
 * Replays saved histories of cycle scenarios against the current workflow code: a change that would break
 * running cycles (a non-determinism) fails here. Histories are recorded by the workflow tests with
 * RECORD_HISTORIES=1 (see test/support/cycle-harness.ts); a deliberate change of running code must be
 * guarded with patched() so that these old histories keep replaying.
 */
import { promises as fs, readdirSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { silentLogger } from '../../system/silent-logger';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

const dir = path.join(__dirname, 'histories');
let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  bundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    logger: silentLogger,
  });
});

// Read at collection time so each saved history is its own test case.
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

describe('saved histories replay on the current code', () => {
  it('has histories from before and after each patch', () => {
    expect(names.filter((n) => n.startsWith('v1-')).length).toBeGreaterThanOrEqual(4);
    expect(names.filter((n) => n.startsWith('v2-')).length).toBeGreaterThanOrEqual(4);
  });

  for (const name of names) {
    it(name, async () => {
      const history = historyFromJSON(JSON.parse(await fs.readFile(path.join(dir, `${name}.json`), 'utf8')));
      await expect(
        Worker.runReplayHistory({ workflowBundle: bundle }, history, `replay-${name}`),
      ).resolves.toBeUndefined();
    });
  }
});
