import {
  DECREE_335_RATING_SCALE,
  evaluateUnit,
  levelFor,
  resolveEvaluationSettings,
  type UnitEvaluationInput,
} from '../../../domain/evaluation';
import { cycle, department, entry, lowland, recipient } from './support';

const settings = resolveEvaluationSettings();

// A department with 25 staff (→ 5 households), one commune XA-A (→ 1 model), 1 study tour.
const full = (over: { households?: number; models?: number; tours?: number } = {}) =>
  entry('P1', 'XA-A', {
    households: over.households ?? 5,
    modelsBuilt: over.models ?? 1,
    studyTours: over.tours ?? 1,
  });

interface Row {
  name: string;
  input: UnitEvaluationInput;
  score: number;
  level: string;
  criticised?: boolean;
  reward?: boolean;
  allMet?: boolean;
}

// Every expected score below is computed by hand in the comment of its row (default settings: equal weights,
// late credit 0.5, sponsor obligations O3+O5, recipient obligations O1, O2, O3, O6).
const rows: Row[] = [
  // 5/5, 1/1, 1/1, obligations 2/2 → 100, all met, nothing exceeded by 20 % → Tốt.
  {
    name: 'department meets every target exactly',
    input: department(25, [cycle('P1', 'XA-A')], [full()]),
    score: 100,
    level: 'TOT',
    allMet: true,
  },
  // 6/5 = 1.2, 2/1, 2/1 → every target ≥ 120 % → Hoàn thành xuất sắc, reward.
  {
    name: 'department exceeds every target by 20 %',
    input: department(25, [cycle('P1', 'XA-A')], [full({ households: 6, models: 2, tours: 2 })]),
    score: 100,
    level: 'HTXS',
    reward: true,
  },
  // 5/5 but households only +0 %: positive factors recorded → Hoàn thành xuất sắc.
  {
    name: 'department meets every target and has positive factors',
    input: department(25, [cycle('P1', 'XA-A')], [full()], 'Vận động thêm 2 tỷ đồng'),
    score: 100,
    level: 'HTXS',
    reward: true,
  },
  // households 4/5 = 0.8 → (0.8 + 1 + 1 + 1) / 4 = 95 → Khá.
  {
    name: 'department short of one household',
    input: department(25, [cycle('P1', 'XA-A')], [full({ households: 4 })]),
    score: 95,
    level: 'KHA',
  },
  // households 1/5 = 0.2 → 3.2 / 4 = 80 → Khá (boundary).
  {
    name: 'score exactly 80 is Khá',
    input: department(25, [cycle('P1', 'XA-A')], [full({ households: 1 })]),
    score: 80,
    level: 'KHA',
  },
  // households 0/5 → 3 / 4 = 75 → Trung bình.
  {
    name: 'score 75 is Trung bình',
    input: department(25, [cycle('P1', 'XA-A')], [full({ households: 0 })]),
    score: 75,
    level: 'TB',
  },
  // households 0, models 0, tours 1, obligations 1 → 2 / 4 = 50 → Trung bình (boundary).
  {
    name: 'score exactly 50 is Trung bình',
    input: department(25, [cycle('P1', 'XA-A')], [full({ households: 0, models: 0 })]),
    score: 50,
    level: 'TB',
  },
  // households 0, models 0, tours 1, obligations (O3 late 0.5 + O5 1) / 2 = 0.75 → 1.75 / 4 = 43.75 → 43.7 → Yếu.
  {
    name: 'score below 50 is Yếu',
    input: department(25, [cycle('P1', 'XA-A', { O3: 'late' })], [full({ households: 0, models: 0 })]),
    score: 43.7,
    level: 'YEU',
  },
  // Lowland: 10/10, 199,999,999 / 200,000,000 = 0.9999, 2/2, 1/1, 2/2 → 4.9999 / 5 = 99.998 → 99.9, not all met → Khá.
  {
    name: 'lowland district one đồng short of 200,000,000',
    input: lowland(
      [cycle('P2', 'XA-B')],
      [entry('P2', 'XA-B', { households: 10, amountDong: 199_999_999n, modelsBuilt: 2, studyTours: 1 })],
    ),
    score: 99.9,
    level: 'KHA',
    allMet: false,
  },
  // Lowland with exactly 200,000,000 đ → 100 → Tốt.
  {
    name: 'lowland district with exactly 200,000,000 đ',
    input: lowland(
      [cycle('P2', 'XA-B')],
      [
        entry('P2', 'XA-B', {
          households: 10,
          amountDong: 200_000_000n,
          modelsBuilt: 1,
          modelsReplicated: 1,
          studyTours: 1,
        }),
      ],
    ),
    score: 100,
    level: 'TOT',
    allMet: true,
  },
  // Department (25 staff) twinned with 3 communes, models in 2 of them: models ratio (1 + 1 + 0) / 3 = 0.6666;
  // (1 + 0.6666 + 1 + 1) / 4 = 91.665 → 91.6 → Khá. P4's only entry has no measurable result (all zero): signed
  // but nothing carried out there → criticised (the cap is off by default, so still Khá).
  {
    name: 'department with 3 communes that built models in 2',
    input: department(
      25,
      [cycle('P1', 'XA-A'), cycle('P3', 'XA-C'), cycle('P4', 'XA-D')],
      [
        entry('P1', 'XA-A', { households: 5, modelsBuilt: 1, studyTours: 1 }),
        entry('P3', 'XA-C', { modelsReplicated: 1 }),
        entry('P4', 'XA-D', { category: 'PROPAGANDA' }),
      ],
    ),
    score: 91.6,
    level: 'KHA',
    criticised: true,
  },
  // Every target met but no year-end report (O5 missed): obligations 1/2 → (1 + 1 + 1 + 0.5) / 4 = 87.5 → Khá,
  // criticised, no reward.
  {
    name: 'every target met but no report',
    input: department(
      25,
      [cycle('P1', 'XA-A', { O5: 'missed' })],
      [full({ households: 9, models: 3, tours: 3 })],
    ),
    score: 87.5,
    level: 'KHA',
    criticised: true,
    reward: false,
  },
  // No signed programme: nothing done, O3 missed, O5 on time → (0 + 0 + 0 + 0.5) / 4 = 12.5 → Yếu, criticised.
  {
    name: 'no signed programme',
    input: department(25, [cycle('P1', 'XA-A', { O3: 'missed' })], []),
    score: 12.5,
    level: 'YEU',
    criticised: true,
  },
  // Signed but nothing carried out: (0 + 0 + 0 + 1) / 4 = 25 → Yếu, criticised.
  {
    name: 'signed but nothing carried out',
    input: department(25, [cycle('P1', 'XA-A')], []),
    score: 25,
    level: 'YEU',
    criticised: true,
  },
  // O3 signed late, rest met: obligations 0.75 → (3 + 0.75) / 4 = 93.75 → 93.7 → Khá.
  {
    name: 'programme signed late',
    input: department(25, [cycle('P1', 'XA-A', { O3: 'late' })], [full()]),
    score: 93.7,
    level: 'KHA',
  },
  // O5 still pending at evaluation counts as no report: obligations 0.5 → 87.5, criticised.
  {
    name: 'report still pending at evaluation',
    input: department(25, [cycle('P1', 'XA-A', { O5: 'pending' })], [full()]),
    score: 87.5,
    level: 'KHA',
    criticised: true,
  },
  // Staff unknown: households left out → (1 + 1 + 1) / 3 = 100 → Tốt.
  {
    name: 'department without a staff count',
    input: department(null, [cycle('P1', 'XA-A')], [full({ households: 0 })]),
    score: 100,
    level: 'TOT',
  },
  // Staff 9 → ceil(1.8) = 2 households; 1 given → 0.5 → 3.5 / 4 = 87.5 → Khá.
  {
    name: 'department of 9 staff with 1 household',
    input: department(9, [cycle('P1', 'XA-A')], [full({ households: 1 })]),
    score: 87.5,
    level: 'KHA',
  },
  // A dissolved pair's commune needs no model: models 1/1 over XA-A only → 100 → Tốt.
  {
    name: 'dissolved pair needs no models',
    input: department(25, [cycle('P1', 'XA-A'), cycle('P9', 'XA-Z', {}, { active: false })], [full()]),
    score: 100,
    level: 'TOT',
  },
  // Recipient: O1, O2, O3, O6 on time → 100 → Tốt (no numeric target to exceed).
  {
    name: 'recipient with every obligation on time',
    input: recipient([cycle('P1', 'XA-A')]),
    score: 100,
    level: 'TOT',
  },
  // Recipient with positive factors → Hoàn thành xuất sắc, reward.
  {
    name: 'recipient on time with positive factors',
    input: recipient([cycle('P1', 'XA-A')], 'Tổ công tác hoạt động hiệu quả'),
    score: 100,
    level: 'HTXS',
    reward: true,
  },
  // Recipient: O1 late 0.5, O2 missed 0, O3 1, O6 1 → 2.5 / 4 = 62.5 → Trung bình.
  {
    name: 'recipient with one late and one missed',
    input: recipient([cycle('P1', 'XA-A', { O1: 'late', O2: 'missed' })]),
    score: 62.5,
    level: 'TB',
  },
  // Recipient without its report (O6 missed): 3 / 4 = 75 → Trung bình, criticised.
  {
    name: 'recipient without its year-end report',
    input: recipient([cycle('P1', 'XA-A', { O6: 'missed' })]),
    score: 75,
    level: 'TB',
    criticised: true,
  },
  // Recipient with O2 waived: 3 / 3 → 100 → Tốt.
  {
    name: 'recipient with a waived obligation',
    input: recipient([cycle('P1', 'XA-A', { O2: 'waived' })]),
    score: 100,
    level: 'TOT',
    allMet: true,
  },
  // Recipient with two sponsors, one cycle unsigned: O3 missed in P2 → (4 + 3) / 8 = 87.5 → Khá, criticised.
  {
    name: 'recipient with two sponsors, one programme unsigned',
    input: recipient([cycle('P1', 'XA-A'), cycle('P2', 'XA-A', { O3: 'missed' })]),
    score: 87.5,
    level: 'KHA',
    criticised: true,
  },
];

describe('evaluateUnit (hand-computed table)', () => {
  it.each(rows)('$name → $score, $level', (row) => {
    const result = evaluateUnit(row.input, settings);
    expect(result.score).toBe(row.score);
    expect(result.level.id).toBe(row.level);
    expect(result.criticised).toBe(row.criticised ?? false);
    if (row.reward !== undefined) expect(result.proposedReward).toBe(row.reward);
    if (row.allMet !== undefined) expect(result.allMet).toBe(row.allMet);
    // The working is always there: one line per target and a final score line.
    expect(result.explanation.at(-1)?.key === 'evaluation.line.score' || result.proposedReward).toBe(true);
  });

  it('explains the 3-commune department per commune and in total', () => {
    const result = evaluateUnit(rows[10]!.input, settings);
    const models = result.targets.filter((t) => t.target === 'models');
    expect(models).toEqual([
      { target: 'models', scope: 'total', required: '3', achieved: '2', ratio: 0.6666, met: false },
      {
        target: 'models',
        scope: 'recipient',
        recipientCode: 'XA-A',
        required: '1',
        achieved: '1',
        ratio: 1,
        met: true,
      },
      {
        target: 'models',
        scope: 'recipient',
        recipientCode: 'XA-C',
        required: '1',
        achieved: '1',
        ratio: 1,
        met: true,
      },
      {
        target: 'models',
        scope: 'recipient',
        recipientCode: 'XA-D',
        required: '1',
        achieved: '0',
        ratio: 0,
        met: false,
      },
    ]);
    const vi = result.explanation.map((l) => l.vi);
    expect(vi).toContain('Mô hình xây dựng hoặc nhân rộng tại XA-D: đạt 0/1 (0%) — chưa đạt');
    expect(vi).toContain('Mô hình xây dựng hoặc nhân rộng: đạt 2/3 (66,6%) — chưa đạt');
  });

  it('shows the money shortfall in đồng and never as 100 %', () => {
    const result = evaluateUnit(rows[8]!.input, settings);
    const amount = result.targets.find((t) => t.target === 'amount')!;
    expect(amount).toMatchObject({ required: '200000000', achieved: '199999999', ratio: 0.9999, met: false });
    expect(result.explanation.map((l) => l.vi)).toContain(
      'Kinh phí hỗ trợ: đạt 199.999.999/200.000.000 đ (99,9%) — chưa đạt',
    );
  });

  it('names the criticism reasons in both languages', () => {
    const result = evaluateUnit(rows[11]!.input, settings);
    expect(result.criticism).toEqual([{ reason: 'noReport', pairCode: 'P1', obligation: 'O5' }]);
    expect(result.explanation.map((l) => l.vi)).toContain('Cặp P1: không gửi báo cáo cuối năm (O5).');
    expect(result.explanation.map((l) => l.en)).toContain('Pair P1: no year-end report (O5).');
  });

  it('caps a criticised unit when the scale says so', () => {
    const capped = resolveEvaluationSettings({ rating: { criticisedMaxLevel: 'TB' } });
    const result = evaluateUnit(rows[11]!.input, capped);
    expect(result.score).toBe(87.5);
    expect(result.level.id).toBe('TB');
    expect(result.explanation.some((l) => l.key === 'evaluation.line.capped')).toBe(true);
  });

  it('counts late obligations as met when configured', () => {
    const lenient = resolveEvaluationSettings({ lateCredit: 1, lateCountsAsMet: true });
    const result = evaluateUnit(rows[14]!.input, lenient);
    expect(result.score).toBe(100);
    expect(result.level.id).toBe('TOT');
  });

  // A lowland district paired with a mountain district that covers 3 communes: 2 models in EACH commune, 6 in all.
  const districtPair = (communes: string[]) => [
    cycle('P5', 'H-MN', {}, { kind: 'MOUNTAIN_DISTRICT', communes }),
  ];
  const districtEntries = (models: Record<string, number>) => [
    entry('P5', 'H-MN', { households: 10, amountDong: 200_000_000n, studyTours: 1 }),
    ...Object.entries(models).map(([communeCode, n]) => entry('P5', 'H-MN', { communeCode, modelsBuilt: n })),
  ];

  it('a lowland district with a mountain district needs 2 models in each commune the pair covers', () => {
    const result = evaluateUnit(
      lowland(districtPair(['XA-1', 'XA-2', 'XA-3']), districtEntries({ 'XA-1': 2, 'XA-2': 2, 'XA-3': 2 })),
      settings,
    );
    expect(result.sponsorTargets?.recipients).toEqual(['XA-1', 'XA-2', 'XA-3']);
    expect(result.sponsorTargets?.modelsTotal).toBe(6);
    expect(
      result.targets
        .filter((t) => t.target === 'models')
        .map((t) => [t.recipientCode ?? 'total', t.required, t.achieved]),
    ).toEqual([
      ['total', '6', '6'],
      ['XA-1', '2', '2'],
      ['XA-2', '2', '2'],
      ['XA-3', '2', '2'],
    ]);
    expect(result.score).toBe(100);
    expect(result.level.id).toBe('TOT');
  });

  it('models in two of three communes: (1 + 1 + 0) / 3 of the models target; models named for no commune count for none', () => {
    const result = evaluateUnit(
      lowland(districtPair(['XA-1', 'XA-2', 'XA-3']), [
        ...districtEntries({ 'XA-1': 2, 'XA-2': 3 }),
        entry('P5', 'H-MN', { modelsBuilt: 4 }),
      ]),
      settings,
    );
    // households 1, amount 1, models mean(1, 1, 0) = 0.6666, tours 1, obligations 1 → 4.6666 / 5 = 93.3 → Khá.
    expect(result.targets.find((t) => t.target === 'models' && t.scope === 'total')?.ratio).toBe(0.6666);
    expect(result.score).toBe(93.3);
    expect(result.level.id).toBe('KHA');
  });

  it('a district whose communes are not known counts as one place, so its target never vanishes', () => {
    const result = evaluateUnit(lowland(districtPair([]), districtEntries({})), settings);
    expect(result.sponsorTargets?.recipients).toEqual(['H-MN']);
    expect(result.sponsorTargets?.modelsTotal).toBe(2);
  });

  it("signed but not carried out: only measurable results of the unit's own side clear it", () => {
    const signedOnly = department(
      25,
      [cycle('P1', 'XA-A')],
      [
        // An all-zero entry of its own and a measurable one of the other side clear nothing.
        entry('P1', 'XA-A', { side: 'sponsor' }),
        entry('P1', 'XA-A', { side: 'recipient', households: 3, modelsBuilt: 1 }),
      ],
    );
    const criticised = evaluateUnit(signedOnly, settings);
    expect(criticised.criticism).toEqual([{ reason: 'signedNothingDone', pairCode: 'P1' }]);
    const carriedOut = department(
      25,
      [cycle('P1', 'XA-A')],
      [entry('P1', 'XA-A', { side: 'sponsor', studyTours: 1 })],
    );
    expect(evaluateUnit(carriedOut, settings).criticism).toEqual([]);
  });

  it('a recipient that signed but never sent its own plan and working group (O1) is criticised', () => {
    const result = evaluateUnit(recipient([cycle('P1', 'XA-A', { O1: 'missed' })]), settings);
    expect(result.criticism).toEqual([{ reason: 'recipientNothingDone', pairCode: 'P1', obligation: 'O1' }]);
    expect(result.explanation.map((l) => l.vi)).toContain(
      'Cặp P1: đã ký kết nhưng đơn vị không gửi kế hoạch triển khai và tổ công tác (O1).',
    );
  });
});

describe('levelFor on the 4-level scale of Decree 335/2025', () => {
  it.each([
    [100, 'XS'],
    [90, 'XS'],
    [89.9, 'TOT'],
    [70, 'TOT'],
    [69.9, 'HT'],
    [50, 'HT'],
    [49.9, 'KHT'],
    [0, 'KHT'],
  ])('%d points → %s', (score, id) => {
    expect(
      levelFor(score, { allMet: false, excellent: false, criticised: false }, DECREE_335_RATING_SCALE).level
        .id,
    ).toBe(id);
  });

  it('rates a whole unit with a 4-level scale from the year settings', () => {
    const four = resolveEvaluationSettings({ rating: DECREE_335_RATING_SCALE });
    const result = evaluateUnit(rows[3]!.input, four); // score 95
    expect(result.level.id).toBe('XS');
    expect(result.proposedReward).toBe(true);
  });
});
