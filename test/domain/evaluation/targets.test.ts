import { householdsForStaff, resolveEvaluationSettings, sponsorTargets } from '../../../domain/evaluation';

const settings = resolveEvaluationSettings();
const communes = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    code: `XA-${i + 1}`,
    kind: 'COMMUNE' as const,
    communes: [`XA-${i + 1}`],
  }));

describe('householdsForStaff: ceil(staff × 2 / 10), computed by hand', () => {
  it.each([
    [0, 0],
    [1, 1], // 0.2 → 1
    [5, 1], // 1.0 → 1
    [9, 2], // 1.8 → 2
    [10, 2],
    [24, 5], // 4.8 → 5
    [25, 5], // 5.0 → 5
    [26, 6], // 5.2 → 6
    [120, 24],
    [1234, 247], // 246.8 → 247
  ])('%d staff → %d households', (staff, households) => {
    expect(householdsForStaff(staff, 2, 10)).toBe(households);
  });

  it('refuses a negative or fractional staff count', () => {
    expect(() => householdsForStaff(-1, 2, 10)).toThrow(RangeError);
    expect(() => householdsForStaff(2.5, 2, 10)).toThrow(RangeError);
  });
});

describe('sponsorTargets', () => {
  it('department: households from staff, 1 model per commune, 1 study tour, no money target', () => {
    expect(sponsorTargets({ kind: 'DEPARTMENT', staff: 25, recipients: communes(3) }, settings)).toEqual({
      households: 5,
      missingStaff: false,
      amountDong: null,
      modelsPerRecipient: 1,
      recipients: ['XA-1', 'XA-2', 'XA-3'],
      modelsTotal: 3,
      studyTours: 1,
    });
  });

  it('lowland district: 10 households, 200,000,000 đ, 2 models per commune', () => {
    expect(
      sponsorTargets({ kind: 'LOWLAND_DISTRICT', staff: 500, recipients: communes(2) }, settings),
    ).toEqual({
      households: 10,
      missingStaff: false,
      amountDong: 200_000_000n,
      modelsPerRecipient: 2,
      recipients: ['XA-1', 'XA-2'],
      modelsTotal: 4,
      studyTours: 1,
    });
  });

  it('department without a staff count has no households target and says so', () => {
    const t = sponsorTargets({ kind: 'DEPARTMENT', staff: null, recipients: communes(1) }, settings);
    expect(t.households).toBeNull();
    expect(t.missingStaff).toBe(true);
  });

  it('counts a recipient twinned twice once', () => {
    const t = sponsorTargets(
      { kind: 'DEPARTMENT', staff: 10, recipients: [...communes(1), ...communes(1)] },
      settings,
    );
    expect(t.modelsTotal).toBe(1);
  });

  it('follows the year settings: 3 households per 10 staff, 300,000,000 đ for lowland districts', () => {
    const custom = resolveEvaluationSettings({
      targets: {
        DEPARTMENT: { households: { rule: 'perStaff', households: 3, staff: 10 } },
        LOWLAND_DISTRICT: { amountDong: '300000000', modelsPerRecipient: 3 },
      },
    });
    expect(sponsorTargets({ kind: 'DEPARTMENT', staff: 25, recipients: [] }, custom).households).toBe(8); // 7.5 → 8
    const lowland = sponsorTargets(
      { kind: 'LOWLAND_DISTRICT', staff: null, recipients: communes(1) },
      custom,
    );
    expect(lowland.amountDong).toBe(300_000_000n);
    expect(lowland.modelsTotal).toBe(3);
    expect(lowland.households).toBe(10);
  });
});
