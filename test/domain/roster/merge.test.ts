/**
 * The rules of a merger (domain/roster/merge.ts) on their own: which pairs end and what continues them, and the
 * refusals the service test (test/roster/merge.test.ts) does not reach, each with its exact message.
 */
import { bilingualOf } from '../../../domain/messages';
import { planMerge, type MergePair, type MergeRequest, type MergeUnit } from '../../../domain/roster';

const unit = (code: string, kind: MergeUnit['kind'], more: Partial<MergeUnit> = {}): MergeUnit => ({
  code,
  kind,
  from: null,
  to: null,
  successor: null,
  ...more,
});
const pair = (
  code: string,
  sponsor: string,
  recipient: string,
  more: Partial<MergePair> = {},
): MergePair => ({
  code,
  sponsor,
  recipient,
  from: '2025-07-01',
  to: null,
  active: true,
  communes: [],
  ...more,
});
const units = new Map(
  [
    unit('P-DIEN-BAN', 'LOWLAND_COMMUNE'),
    unit('P-DIEN-BAN-BAC', 'LOWLAND_COMMUNE'),
    unit('P-DIEN-BAN-MOI', 'LOWLAND_COMMUNE', { from: '2026-07-01' }),
    unit('XA-CU', 'COMMUNE', { successor: 'XA-KHAC' }),
    unit('XA-HET', 'COMMUNE', { to: '2026-03-31' }),
  ].map((u) => [u.code, u]),
);

function refusals(request: MergeRequest, pairs: readonly MergePair[] = []): string[] {
  const result = planMerge(request, units, pairs);
  return result.ok ? [] : result.refusals.map(bilingualOf);
}

describe('planMerge', () => {
  it('ends the pairs running on the day, keeps the communes when the sponsor side merges, leaves the rest', () => {
    const pairs = [
      pair('KN-1', 'P-DIEN-BAN', 'H-NAM-GIANG', { communes: ['XA-A', 'XA-B'], to: '2030-12-31' }),
      pair('KN-2', 'P-DIEN-BAN-BAC', 'XA-LA-EE'),
      pair('KN-3', 'P-DIEN-BAN-BAC', 'XA-LA-EE-CU', { to: '2025-12-31' }),
      pair('KN-4', 'P-DIEN-BAN', 'XA-TRA-MY', { active: false, to: '2026-05-31' }),
      pair('KN-5', 'P-DIEN-BAN-MOI', 'XA-LA-EE'),
    ];
    const result = planMerge(
      { into: 'P-DIEN-BAN-MOI', from: ['P-DIEN-BAN', 'P-DIEN-BAN-BAC', 'P-DIEN-BAN'], on: '01/07/2026' },
      new Map([...units].map(([code, u]) => [code, code === 'P-DIEN-BAN-MOI' ? { ...u, from: null } : u])),
      pairs,
    );
    if (!result.ok) throw new Error(result.refusals.map(bilingualOf).join('\n'));
    expect(result.plan).toEqual({
      into: 'P-DIEN-BAN-MOI',
      on: '2026-07-01',
      lastDay: '2026-06-30',
      merge: ['P-DIEN-BAN', 'P-DIEN-BAN-BAC'],
      already: [],
      intoFrom: true,
      pairs: [
        {
          code: 'KN-1',
          successor: {
            code: 'KN-1-P-DIEN-BAN-MOI',
            sponsor: 'P-DIEN-BAN-MOI',
            recipient: 'H-NAM-GIANG',
            create: { from: '2026-07-01', to: '2030-12-31', communes: ['XA-A', 'XA-B'] },
          },
        },
        // The new ward already twins xã La Êê (KN-5): that pair continues KN-2.
        { code: 'KN-2', successor: { code: 'KN-5', sponsor: 'P-DIEN-BAN-MOI', recipient: 'XA-LA-EE' } },
      ],
    });
  });

  it('refuses a pair starting on the day, a successor code already taken, and units that do not exist then', () => {
    expect(
      refusals({ into: 'P-DIEN-BAN-MOI', from: ['P-DIEN-BAN'], on: '2026-07-01' }, [
        pair('KN-1', 'P-DIEN-BAN', 'XA-LA-EE', { from: '2026-07-01' }),
        pair('KN-2', 'P-DIEN-BAN', 'XA-TRA-MY'),
        pair('KN-2-P-DIEN-BAN-MOI', 'P-DIEN-BAN-BAC', 'XA-TAM'),
      ]),
    ).toEqual([
      'Cặp «KN-1» của «P-DIEN-BAN» bắt đầu ngày 01/07/2026, không trước ngày sáp nhập 01/07/2026: hãy sửa cặp này trong danh sách trước. / The pair "KN-1" of "P-DIEN-BAN" starts on 01/07/2026, not before the merger date 01/07/2026: change that pair in the roster first.',
      'Mã cặp kế tiếp «KN-2-P-DIEN-BAN-MOI» đã được dùng cho cặp P-DIEN-BAN-BAC – XA-TAM. / The successor pair code "KN-2-P-DIEN-BAN-MOI" is already used by the pair P-DIEN-BAN-BAC – XA-TAM.',
    ]);
    expect(refusals({ into: 'P-DIEN-BAN-MOI', from: ['P-DIEN-BAN'], on: '2026-06-01' })).toEqual([
      'Đơn vị «P-DIEN-BAN-MOI» không tồn tại vào ngày 01/06/2026 (thời gian tồn tại: 01/07/2026 – …). / The unit "P-DIEN-BAN-MOI" does not exist on 01/06/2026 (it exists 01/07/2026 – …).',
    ]);
    expect(refusals({ into: 'XA-CU', from: ['XA-HET'], on: '2026-07-01' })).toEqual([
      'Đơn vị «XA-HET» không tồn tại vào ngày 30/06/2026 (thời gian tồn tại: … – 31/03/2026). / The unit "XA-HET" does not exist on 30/06/2026 (it exists … – 31/03/2026).',
    ]);
    expect(refusals({ into: 'XA-HET', from: ['XA-CU'], on: '2026-01-01' })).toEqual([
      'Đơn vị «XA-CU» đã được sáp nhập vào «XA-KHAC». / The unit "XA-CU" was already merged into "XA-KHAC".',
    ]);
    expect(refusals({ into: 'P-DIEN-BAN', from: ['XA-HET'], on: '2026-07-01' })).toEqual([
      '«XA-HET» (loại COMMUNE) và «P-DIEN-BAN» (loại LOWLAND_COMMUNE) không cùng một bên: bên kết nghĩa chỉ sáp nhập vào bên kết nghĩa, bên được kết nghĩa chỉ sáp nhập vào bên được kết nghĩa. / "XA-HET" (kind COMMUNE) and "P-DIEN-BAN" (kind LOWLAND_COMMUNE) are not on the same side: a sponsor merges only into a sponsor, a recipient only into a recipient.',
    ]);
  });
});
