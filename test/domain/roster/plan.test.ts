import { countChanges, planRosterImport, validateRoster, type RosterFile } from '../../../domain/roster';
import { replace, roster, UNITS } from './support';

function valid(raw = roster()): RosterFile {
  const result = validateRoster(raw);
  if (!result.ok) throw new Error('fixture must be valid');
  return result.roster;
}

describe('planRosterImport', () => {
  it('creates everything into an empty database', () => {
    const plan = planRosterImport({ units: [], pairs: [] }, valid());
    expect(countChanges(plan.units)).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect(countChanges(plan.pairs)).toEqual({ created: 2, updated: 0, unchanged: 0 });
  });

  it('leaves identical units alone, updates changed ones and keeps stored staff when the cell is empty', () => {
    const file = valid();
    const stored = file.units.map((u, i) => ({
      ...u,
      id: `u${i}`,
      staff: u.code === 'DIEN-BAN' ? 12 : u.staff,
    }));
    const storedPairs = file.pairs.map((p, i) => ({ ...p, id: `p${i}` }));
    const same = planRosterImport({ units: stored, pairs: storedPairs }, file);
    expect(countChanges(same.units)).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(countChanges(same.pairs)).toEqual({ created: 0, updated: 0, unchanged: 2 });

    const changed = valid(
      roster(
        replace(UNITS, 0, [
          'STC',
          'Sở Tài chính',
          'DEPARTMENT',
          '',
          '',
          '90',
          'head:giamdoc@stc.example.gov.vn',
        ]),
      ),
    );
    const plan = planRosterImport({ units: stored, pairs: storedPairs }, changed);
    expect(plan.units[0]).toMatchObject({
      action: 'update',
      changed: { fields: false, staff: true, contacts: true },
    });
  });
});
