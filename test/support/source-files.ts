/** The project's source files and what they import, for the tests that check the code's own structure. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository's root. */
export const repoRoot = path.resolve(__dirname, '..', '..');

/** The files under `dir` (relative to the root) whose names end with `suffix`, recursively, relative paths. */
export function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(relative, suffix);
    return entry.name.endsWith(suffix) ? [relative] : [];
  });
}

/**
 * The modules a file imports or re-exports from. With `runtimeOnly`, without `import type` and `export type`,
 * which leave nothing in a bundle.
 */
export function importsOf(file: string, options: { readonly runtimeOnly?: boolean } = {}): string[] {
  const text = readFileSync(path.join(repoRoot, file), 'utf8');
  const pattern =
    options.runtimeOnly === true
      ? /^(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms
      : /from '([^']+)'/g;
  return [...text.matchAll(pattern)].map((m) => m[1] ?? '');
}
