/** The rule table of who may see and do what. */
import { can, maySubmit, pairInScope, sideOfRole, type Actor } from '../../domain/access';

const pair = { sponsorId: 'S1', recipientId: 'R1' };
const officer = (role: 'SPONSOR_OFFICER' | 'RECIPIENT_OFFICER', unitIds: string[]): Actor => ({
  userId: 'u',
  role,
  scope: { kind: 'units', side: role === 'SPONSOR_OFFICER' ? 'sponsor' : 'recipient', unitIds },
});

describe('access rules', () => {
  it('gives each role exactly its permissions', () => {
    const table = (['ADMIN', 'LEADERSHIP', 'SPONSOR_OFFICER', 'RECIPIENT_OFFICER'] as const).map((role) => [
      role,
      (['submit', 'administer', 'manage', 'export'] as const).filter((p) => can(role, p)),
    ]);
    expect(table).toEqual([
      ['ADMIN', ['administer', 'manage', 'export']],
      ['LEADERSHIP', ['export']],
      ['SPONSOR_OFFICER', ['submit']],
      ['RECIPIENT_OFFICER', ['submit']],
    ]);
    expect([sideOfRole('ADMIN'), sideOfRole('SPONSOR_OFFICER'), sideOfRole('RECIPIENT_OFFICER')]).toEqual([
      undefined,
      'sponsor',
      'recipient',
    ]);
  });

  it('an officer sees and submits only on its own side of its own pairs', () => {
    expect(pairInScope({ kind: 'all' }, pair)).toBe(true);
    expect(pairInScope(officer('SPONSOR_OFFICER', ['S1']).scope, pair)).toBe(true);
    expect(pairInScope(officer('SPONSOR_OFFICER', ['S2']).scope, pair)).toBe(false);
    // A recipient unit's ID in a sponsor officer's scope does not open the pair.
    expect(pairInScope(officer('SPONSOR_OFFICER', ['R1']).scope, pair)).toBe(false);
    expect(maySubmit(officer('SPONSOR_OFFICER', ['S1']), 'sponsor', pair)).toBe(true);
    expect(maySubmit(officer('SPONSOR_OFFICER', ['S1']), 'recipient', pair)).toBe(false);
    expect(maySubmit(officer('RECIPIENT_OFFICER', ['R1']), 'recipient', pair)).toBe(true);
    expect(maySubmit({ userId: 'a', role: 'ADMIN', scope: { kind: 'all' } }, 'sponsor', pair)).toBe(false);
  });
});
