import { aggregateProgress, effectiveEntries } from '../../../domain/evaluation';
import { entry } from './support';

describe('aggregateProgress', () => {
  it('sums per pair, per category, per recipient and per commune', () => {
    const agg = aggregateProgress([
      entry('P1', 'XA-A', { households: 2, amountDong: 50_000_000n, category: 'SOCIAL_SECURITY' }),
      entry('P1', 'XA-A', { modelsBuilt: 1, category: 'SOCIO_ECONOMIC' }),
      entry('P2', 'H-MN', { communeCode: 'XA-1', households: 3, modelsReplicated: 2, studyTours: 1 }),
    ]);
    expect(agg.total).toEqual({
      entries: 3,
      households: 5,
      amountDong: 50_000_000n,
      modelsBuilt: 1,
      modelsReplicated: 2,
      models: 3,
      studyTours: 1,
    });
    expect(agg.byPair.P1?.households).toBe(2);
    expect(agg.byPair.P2?.models).toBe(2);
    expect(agg.byCategory.SOCIAL_SECURITY.amountDong).toBe(50_000_000n);
    expect(agg.byCategory.PROPAGANDA.entries).toBe(0);
    expect(agg.byRecipient['H-MN']?.households).toBe(3);
    expect(agg.byCommune['XA-1']?.households).toBe(3);
    expect(agg.byCommune['XA-A']?.entries).toBe(2);
  });

  it('a correction by the submitter supersedes: 5 households corrected to 3 counts 3', () => {
    const a = entry('P1', 'XA-A', { id: 'a', households: 5, submittedAt: '2025-05-01T00:00:00.000Z' });
    const b = entry('P1', 'XA-A', {
      id: 'b',
      households: 3,
      supersedesId: 'a',
      submittedAt: '2025-05-02T00:00:00.000Z',
    });
    const agg = aggregateProgress([a, b]);
    expect(agg.total.households).toBe(3);
    expect(agg.supersededIds).toEqual(['a']);
    expect(agg.effectiveIds).toEqual(['b']);
  });

  it('a chain of corrections leaves only the last one', () => {
    const a = entry('P1', 'XA-A', { id: 'a', households: 5, submittedAt: '2025-05-01T00:00:00.000Z' });
    const b = entry('P1', 'XA-A', {
      id: 'b',
      households: 4,
      supersedesId: 'a',
      submittedAt: '2025-05-02T00:00:00.000Z',
    });
    const c = entry('P1', 'XA-A', {
      id: 'c',
      households: 7,
      supersedesId: 'b',
      submittedAt: '2025-05-03T00:00:00.000Z',
    });
    expect(aggregateProgress([c, a, b]).total.households).toBe(7);
  });

  it("another person's correction does not erase the entry", () => {
    const a = entry('P1', 'XA-A', { id: 'a', households: 5, submittedAt: '2025-05-01T00:00:00.000Z' });
    const b = entry('P1', 'XA-A', {
      id: 'b',
      households: 1,
      supersedesId: 'a',
      submittedBy: 'someone@else',
      submittedAt: '2025-05-02T00:00:00.000Z',
    });
    const result = effectiveEntries([a, b]);
    expect(result.effective.map((e) => e.id)).toEqual(['a', 'b']);
    expect(result.ignored).toEqual(['b']);
  });

  it('a correction dated before the entry it names is not applied', () => {
    const a = entry('P1', 'XA-A', { id: 'a', submittedAt: '2025-05-02T00:00:00.000Z' });
    const b = entry('P1', 'XA-A', { id: 'b', supersedesId: 'a', submittedAt: '2025-05-01T00:00:00.000Z' });
    expect(effectiveEntries([a, b]).ignored).toEqual(['b']);
  });
});
