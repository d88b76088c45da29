/** The "waiting on" lines of a cycle, in both languages, from the pure rule. */
import { sidesOwing, waitingLines, type WaitingInput } from '../../../domain/dashboard/waiting';

const base: WaitingInput = {
  phase: 'agreement',
  waitingFor: ['O3'],
  obligations: [
    { id: 'O1', status: 'submitted', effectiveDue: '2026-03-02' },
    { id: 'O2', status: 'missed', effectiveDue: '2026-03-02' },
    { id: 'O3', status: 'pending', effectiveDue: '2026-03-31' },
    { id: 'O4', status: 'pending', effectiveDue: '2026-12-15' },
    { id: 'O5', status: 'pending', effectiveDue: '2026-12-15' },
  ],
  signed: [],
  phaseEntered: { needsProposal: '2025-12-31T17:05:00.000Z', agreement: '2026-03-02T17:00:00.000Z' },
  waitingSince: '2026-03-02T17:00:00.000Z',
  sponsor: { code: 'SO-A', name: 'Sở Nông nghiệp' },
  recipient: { code: 'XA-2', name: 'Xã Đắc Tôi' },
  now: '2026-03-20T03:00:00.000Z',
};

describe('waiting lines', () => {
  it('names the owing unit, the document and the day the wait began, in Vietnamese and English', () => {
    const lines = waitingLines(base);
    expect(lines.map((l) => [l.obligation, l.party, l.vi, l.en])).toEqual([
      [
        'O2',
        'recipient',
        'Đang chờ Xã Đắc Tôi (XA-2): đề xuất nhu cầu (O2), từ ngày 01/01/2026; đã quá hạn ngày 02/03/2026.',
        'Waiting on Xã Đắc Tôi (XA-2) for the needs proposal (O2) since 01/01/2026; it was due on 02/03/2026.',
      ],
      [
        'O3',
        'sponsor',
        'Đang chờ Sở Nông nghiệp (SO-A): chương trình kết nghĩa đã ký (O3), từ ngày 03/03/2026.',
        'Waiting on Sở Nông nghiệp (SO-A) for the signed twinning programme (O3) since 03/03/2026.',
      ],
      [
        'O3',
        'recipient',
        'Đang chờ Xã Đắc Tôi (XA-2): chương trình kết nghĩa đã ký (O3), từ ngày 03/03/2026.',
        'Waiting on Xã Đắc Tôi (XA-2) for the signed twinning programme (O3) since 03/03/2026.',
      ],
    ]);
    expect(lines[0]).toMatchObject({
      key: 'dashboard.waiting.overdue',
      unitCode: 'XA-2',
      since: '2025-12-31T17:05:00.000Z',
      days: 78,
      due: '2026-03-02',
      overdue: true,
    });
    expect(lines[1]).toMatchObject({ key: 'dashboard.waiting.on', days: 17, overdue: false });
    expect(sidesOwing(lines)).toEqual({ sponsor: true, recipient: true });
  });

  it('leaves out a side that has signed the programme', () => {
    const lines = waitingLines({ ...base, signed: ['sponsor'] });
    expect(lines.map((l) => `${l.obligation}:${l.party}`)).toEqual(['O2:recipient', 'O3:recipient']);
    expect(sidesOwing(lines)).toEqual({ sponsor: false, recipient: true });
  });

  it('waits on Ban Dân tộc for the rating, and counts from the first phase the cycle entered', () => {
    const lines = waitingLines({
      ...base,
      phase: 'evaluation',
      waitingFor: ['O7'],
      obligations: [{ id: 'O7', status: 'pending', effectiveDue: '2027-01-15' }],
      // A cycle opened in implementation never entered evaluation's predecessors; evaluation is known.
      phaseEntered: { implementation: '2026-06-30T17:00:00.000Z', evaluation: '2026-12-15T17:00:00.000Z' },
      now: '2027-01-02T03:00:00.000Z',
    });
    expect(lines.map((l) => [l.party, l.unitCode, l.vi, l.en])).toEqual([
      [
        'coordinator',
        undefined,
        'Đang chờ Ban Dân tộc tỉnh: đánh giá, xếp loại (O7), từ ngày 16/12/2026.',
        'Waiting on the Ethnic Affairs Committee (Ban Dân tộc tỉnh) for the evaluation and rating (O7) since 16/12/2026.',
      ],
    ]);
    expect(sidesOwing(lines)).toEqual({ sponsor: false, recipient: false });
  });

  it('falls back on the current phase’s start when no phase entry is known', () => {
    const [line] = waitingLines({ ...base, obligations: [base.obligations[2]!], phaseEntered: {} });
    expect(line?.since).toBe('2026-03-02T17:00:00.000Z');
    expect(line?.vi).toContain('từ ngày 03/03/2026');
  });

  it('a closed cycle waits for nothing, and a pending obligation of a later phase is not waited for', () => {
    expect(waitingLines({ ...base, phase: 'closed' })).toEqual([]);
    expect(waitingLines({ ...base, waitingFor: [] }).map((l) => l.obligation)).toEqual(['O2']);
  });
});
