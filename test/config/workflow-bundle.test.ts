/**
 * The modules the workers share between workflows (worker/workflow-bundle.ts): every `domain/` module that the
 * workflow and machine code imports is named, none of them brings xstate or the workflow API into the shared
 * part, and the worker's options carry the list (with the module that takes stack frames out of the sandbox,
 * unless `WORKER_WORKFLOW_STACK_TRACES` is on). That sharing keeps replays deterministic is shown by the
 * workflow and replay suites, which all run on these options.
 */
import path from 'node:path';
import { loadConfig } from '../../worker/config';
import {
  SANDBOX_WITHOUT_STACK_TRACES,
  WORKFLOW_DOMAIN_MODULES,
  workerTuning,
  workflowBundleOptions,
} from '../../worker/workflow-bundle';
import { filesUnder, importsOf, repoRoot as root } from '../support/source-files';

const sources = (dir: string): string[] => filesUnder(dir, '.ts');
const runtimeImports = (file: string): string[] => importsOf(file, { runtimeOnly: true });

/** `domain/…` as the list names it, for an import written relative to `file`. */
function domainModuleOf(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = path.relative(path.join(root, 'domain'), path.resolve(root, path.dirname(file), specifier));
  return target.startsWith('..') ? undefined : target.split(path.sep).join('/');
}

describe('the modules shared by every workflow of a worker', () => {
  it('name every domain module that the workflows and machines import', () => {
    const imported = new Set<string>();
    for (const file of [...sources('workflows'), ...sources('machines')])
      for (const specifier of runtimeImports(file)) {
        const module = domainModuleOf(file, specifier);
        if (module !== undefined) imported.add(module);
      }
    expect(imported.size).toBeGreaterThan(5);
    const listed = new Set<string>(WORKFLOW_DOMAIN_MODULES);
    expect([...imported].filter((m) => !listed.has(m)).sort()).toEqual([]);
  });

  it('keep xstate and the workflow API out of the shared domain modules', () => {
    const offending = sources('domain').filter((file) =>
      runtimeImports(file).some((s) => s === 'xstate' || s.startsWith('@temporalio/workflow')),
    );
    expect(offending).toEqual([]);
  });

  it('reach the worker: zod, each listed module, resolved, and the stack-trace module unless asked not to', () => {
    const { preloadModules } = workflowBundleOptions();
    const domain = preloadModules.slice(1, 1 + WORKFLOW_DOMAIN_MODULES.length);
    expect(preloadModules[0]).toBe('zod');
    for (const file of domain) {
      expect(path.isAbsolute(file)).toBe(true);
      expect(path.relative(root, file).startsWith(`domain${path.sep}`)).toBe(true);
    }
    expect(SANDBOX_WITHOUT_STACK_TRACES).toBe(
      path.join(root, 'workflows', 'sandbox', 'without-stack-traces.ts'),
    );
    expect(preloadModules.slice(1 + domain.length)).toEqual([SANDBOX_WITHOUT_STACK_TRACES]);
    expect(workflowBundleOptions({ stackTraces: true }).preloadModules).toEqual(['zod', ...domain]);
    expect(workerTuning(loadConfig({})).bundlerOptions.preloadModules).toEqual(preloadModules);
    expect(
      workerTuning(loadConfig({ WORKER_WORKFLOW_STACK_TRACES: 'true' })).bundlerOptions.preloadModules,
    ).toEqual(['zod', ...domain]);
  });
});
