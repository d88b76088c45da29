/** The permission check used by the update validators and the statechart's guards. */
import { checkSubmissionAllowed, type CycleView } from '../../../domain/cycle/check';
import type { CyclePhase, ObligationStatus } from '../../../domain/cycle/types';
import { OBLIGATION_IDS } from '../../../domain/cycle/types';
import { bilingual, catalogue, type MessageKey } from '../../../domain/messages';

function view(
  phase: CyclePhase,
  statuses: Partial<Record<string, ObligationStatus>> = {},
  signedBy: ('sponsor' | 'recipient')[] = [],
): CycleView {
  return {
    pairCode: 'P01',
    year: 2026,
    phase,
    obligations: OBLIGATION_IDS.map((id) => ({
      id,
      status: statuses[id] ?? 'pending',
      ...(id === 'O3' ? { signedBy } : {}),
    })),
  };
}

const text = (r: ReturnType<typeof checkSubmissionAllowed>): string =>
  r.ok ? 'ok' : bilingual(r.message.key as MessageKey, r.message.params);

describe('checkSubmissionAllowed', () => {
  test('accepts a recipient needs proposal in needsProposal, and late in agreement', () => {
    expect(
      checkSubmissionAllowed(view('needsProposal'), {
        action: 'submit',
        obligation: 'O2',
        side: 'recipient',
      }),
    ).toEqual({ ok: true });
    expect(
      checkSubmissionAllowed(view('agreement', { O2: 'missed' }), {
        action: 'submit',
        obligation: 'O2',
        side: 'recipient',
      }).ok,
    ).toBe(true);
  });

  test('refuses the sponsor submitting a needs proposal, in both languages', () => {
    const r = checkSubmissionAllowed(view('needsProposal'), {
      action: 'submit',
      obligation: 'O2',
      side: 'sponsor',
    });
    expect(r).toMatchObject({ ok: false, message: { key: 'cycle.wrongSide' } });
    expect(text(r)).toBe(
      'Đơn vị giúp đỡ không phải bên thực hiện «đề xuất nhu cầu» (O2). / The sponsor is not the party that submits the needs proposal (O2).',
    );
  });

  test('refuses a year-end report during needs proposal (wrong phase)', () => {
    const r = checkSubmissionAllowed(view('needsProposal'), {
      action: 'submit',
      obligation: 'O5',
      side: 'sponsor',
    });
    expect(text(r)).toBe(
      'Không thể nộp trong giai đoạn «Đề xuất nhu cầu». / Cannot submit during the "needs proposal" phase.',
    );
  });

  test('refuses an obligation already submitted, and a side that already signed', () => {
    expect(
      text(
        checkSubmissionAllowed(view('agreement', { O2: 'submitted' }), {
          action: 'submit',
          obligation: 'O2',
          side: 'recipient',
        }),
      ),
    ).toBe(
      'Hồ sơ «đề xuất nhu cầu» (O2) đã ở trạng thái «đã nộp»; không thể nộp lại. / The needs proposal (O2) is already "submitted"; it cannot be submitted again.',
    );
    const r = checkSubmissionAllowed(view('agreement', {}, ['sponsor']), {
      action: 'submit',
      obligation: 'O3',
      side: 'sponsor',
    });
    expect(r).toMatchObject({ ok: false, message: { key: 'cycle.alreadySigned' } });
    expect(
      checkSubmissionAllowed(view('agreement', {}, ['sponsor']), {
        action: 'submit',
        obligation: 'O3',
        side: 'recipient',
      }).ok,
    ).toBe(true);
  });

  test('refuses everything on a closed cycle', () => {
    for (const request of [
      { action: 'submit', obligation: 'O2', side: 'recipient' },
      { action: 'dissolve' },
      { action: 'waive', obligation: 'O1' },
    ] as const) {
      expect(text(checkSubmissionAllowed(view('closed'), request))).toBe(
        'Chu kỳ kết nghĩa của cặp P01 năm 2026 đã kết thúc; không thể thực hiện thao tác này. / The 2026 twinning cycle of pair P01 is closed; this action is not possible.',
      );
    }
  });

  test('progress only in implementation and year-end reporting', () => {
    expect(checkSubmissionAllowed(view('implementation'), { action: 'progress', side: 'recipient' }).ok).toBe(
      true,
    );
    expect(checkSubmissionAllowed(view('yearEndReporting'), { action: 'progress' }).ok).toBe(true);
    expect(checkSubmissionAllowed(view('agreement'), { action: 'progress', side: 'sponsor' })).toMatchObject({
      ok: false,
      message: { key: 'cycle.wrongPhase' },
    });
    expect(checkSubmissionAllowed(view('evaluation'), { action: 'progress', side: 'sponsor' }).ok).toBe(
      false,
    );
  });

  test('administrator actions follow the status table', () => {
    expect(
      checkSubmissionAllowed(view('agreement', { O2: 'missed' }), { action: 'extend', obligation: 'O2' }).ok,
    ).toBe(true);
    expect(
      checkSubmissionAllowed(view('implementation', { O1: 'notApplicable' }), {
        action: 'extend',
        obligation: 'O1',
      }).ok,
    ).toBe(true);
    expect(
      text(
        checkSubmissionAllowed(view('agreement', { O2: 'submitted' }), { action: 'waive', obligation: 'O2' }),
      ),
    ).toBe(
      'Không thể miễn: «đề xuất nhu cầu» (O2) đang ở trạng thái «đã nộp». / Cannot waive: the needs proposal (O2) is "submitted".',
    );
    expect(
      checkSubmissionAllowed(view('agreement', { O2: 'waived' }), { action: 'resend', obligation: 'O2' }).ok,
    ).toBe(false);
    expect(
      checkSubmissionAllowed(view('needsProposal'), {
        action: 'extend',
        obligation: 'O2',
        at: '2026-03-05T01:00:00.000Z',
        newEndsAt: '2026-03-02T17:00:00.000Z',
        newDate: '2026-03-02',
      }),
    ).toEqual({ ok: false, message: { key: 'cycle.extend.notInFuture', params: { newDate: '2026-03-02' } } });
    expect(checkSubmissionAllowed(view('implementation'), { action: 'rate' })).toMatchObject({
      ok: false,
      message: { key: 'cycle.wrongPhase' },
    });
    expect(checkSubmissionAllowed(view('evaluation', { O7: 'missed' }), { action: 'rate' }).ok).toBe(true);
    expect(checkSubmissionAllowed(view('evaluation'), { action: 'dissolve' }).ok).toBe(true);
  });

  test('every cycle message has Vietnamese and English text and every placeholder it uses is given', () => {
    for (const [key, m] of Object.entries(catalogue).filter(([k]) => k.startsWith('cycle.'))) {
      expect(m.vi.length).toBeGreaterThan(0);
      expect(m.en.length).toBeGreaterThan(0);
      expect(m.vi).not.toEqual(m.en);
      expect(key).toMatch(/^cycle\./);
    }
  });
});
