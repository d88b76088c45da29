/**
 * A generated roster of N pairs, shaped like a large province's: one commune per pair (each under a mountain
 * district of 20 communes), sponsored by departments and lowland districts that each take 4 pairs. Every
 * unit has a head and an office address, so every reminder has recipients. Written as a roster JSON file
 * (README, "Roster files"), the format `twinning roster import` reads; B1, B5, B6 and B7 share it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RosterFile } from '../../domain/roster';
import { loadRoster } from '../../roster/load';

/** Communes per mountain district. */
const COMMUNES_PER_DISTRICT = 20;
/** Pairs per sponsoring unit. */
const PAIRS_PER_SPONSOR = 4;

/** A unit row of the JSON roster format. */
interface RosterUnitRow {
  code: string;
  name: string;
  kind: 'DEPARTMENT' | 'LOWLAND_DISTRICT' | 'MOUNTAIN_DISTRICT' | 'COMMUNE';
  parent?: string;
  border?: boolean;
  staff?: number;
  emails: string[];
}

/** A pair row of the JSON roster format. */
interface RosterPairRow {
  code: string;
  sponsor: string;
  recipient: string;
  from: string;
  to: string;
}

/** The roster document: what a user would write. */
export interface GeneratedRoster {
  readonly units: RosterUnitRow[];
  readonly pairs: RosterPairRow[];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Codes sort in pair order (zero-padded), so the opener's progress through them reads naturally. */
export function pairCode(index: number): string {
  return `BP-${pad(index + 1, 6)}`;
}

/** Generates the roster of `pairs` pairs; the same `pairs` always gives the same file. */
export function generateRoster(pairs: number): GeneratedRoster {
  const units: RosterUnitRow[] = [];
  const sponsors = Math.ceil(pairs / PAIRS_PER_SPONSOR);
  const districts = Math.ceil(pairs / COMMUNES_PER_DISTRICT);
  const emails = (code: string) => {
    const domain = `${code.toLowerCase()}.bench.example.gov.vn`;
    return [`head:lanhdao@${domain}`, `vanphong@${domain}`];
  };
  for (let i = 0; i < sponsors; i += 1) {
    const department = i % 2 === 0;
    const code = `${department ? 'BS' : 'BL'}-${pad(i + 1, 5)}`;
    units.push({
      code,
      name: department ? `Sở thử nghiệm ${i + 1}` : `Huyện đồng bằng ${i + 1}`,
      kind: department ? 'DEPARTMENT' : 'LOWLAND_DISTRICT',
      ...(department ? { staff: 40 + (i % 200) } : {}),
      emails: emails(code),
    });
  }
  for (let d = 0; d < districts; d += 1) {
    const code = `BH-${pad(d + 1, 4)}`;
    units.push({ code, name: `Huyện miền núi ${d + 1}`, kind: 'MOUNTAIN_DISTRICT', emails: emails(code) });
  }
  const rows: RosterPairRow[] = [];
  for (let p = 0; p < pairs; p += 1) {
    const commune = `BX-${pad(p + 1, 6)}`;
    units.push({
      code: commune,
      name: `Xã ${p + 1}`,
      kind: 'COMMUNE',
      parent: `BH-${pad(Math.floor(p / COMMUNES_PER_DISTRICT) + 1, 4)}`,
      border: p % 5 === 0,
      emails: emails(commune),
    });
    const s = Math.floor(p / PAIRS_PER_SPONSOR);
    rows.push({
      code: pairCode(p),
      sponsor: `${s % 2 === 0 ? 'BS' : 'BL'}-${pad(s + 1, 5)}`,
      recipient: commune,
      from: '2020-01-01',
      to: '',
    });
  }
  return { units, pairs: rows };
}

/** Writes the roster of `pairs` pairs as `<dir>/roster-<pairs>.json` and returns the path. */
export async function writeRoster(dir: string, pairs: number): Promise<string> {
  const file = path.join(dir, `roster-${pairs}.json`);
  await fs.writeFile(file, JSON.stringify(generateRoster(pairs)));
  return file;
}

/** Reads and validates a roster file as the CLI does; throws on the first problem (a generator bug). */
export async function readRoster(file: string): Promise<RosterFile> {
  const loaded = await loadRoster([file]);
  if (!loaded.ok) {
    const first = loaded.errors[0];
    throw new Error(`generated roster invalid: ${JSON.stringify(first)}`);
  }
  return loaded.roster;
}
