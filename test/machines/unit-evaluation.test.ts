/**
 * A unit's yearly evaluation statechart, driven purely: it waits until every cycle of the unit reached
 * evaluation, proposes, is confirmed once, and tells the unit's cycles; requests are refused with exact messages.
 */
import { initialTransition, transition } from 'xstate';
import { DEFAULT_RATING_SCALE } from '../../domain/evaluation/settings';
import { bilingualOf } from '../../domain/messages';
import {
  decideRateUnit,
  decideUnitFactors,
  unitEvaluationActions,
  unitEvaluationMachine,
  unitPhaseOf,
  type ComputedProposal,
  type UnitEvaluationEvent,
  type UnitEvaluationSnapshot,
} from '../../machines/unit-evaluation';

const scale = DEFAULT_RATING_SCALE.levels.map((l) => ({ id: l.id, vi: l.vi, en: l.en }));
const proposal = {
  rating: 'KHA',
  labelVi: 'Khá',
  labelEn: 'Fair',
  score: 91.6,
  criticised: false,
  proposedReward: false,
  scale,
};
const at = (day: string) => `${day}T02:00:00.000Z`;

function start(): UnitEvaluationSnapshot {
  const [snapshot] = initialTransition(unitEvaluationMachine, {
    workflowId: 'unit-evaluation:SO-A:2026',
    unitCode: 'SO-A',
    year: 2026,
    side: 'sponsor',
    openedAt: at('2026-12-05'),
  });
  return snapshot;
}

function send(snapshot: UnitEvaluationSnapshot, event: UnitEvaluationEvent) {
  const [next, actions] = transition(unitEvaluationMachine, snapshot, event);
  return { next, actions: unitEvaluationActions(actions) };
}

const computed = (result: ComputedProposal, day = '2026-12-06'): UnitEvaluationEvent => ({
  type: 'PROPOSAL_COMPUTED',
  at: at(day),
  result,
});

describe('a unit evaluation', () => {
  test('asks for a proposal on every change, waits while a cycle is not ready, then proposes', () => {
    let s = start();
    const changed = send(s, {
      type: 'CYCLES_CHANGED',
      at: at('2026-12-05'),
      workflowId: 'twinning-cycle:PA1:2026',
    });
    expect(changed.actions).toEqual([{ type: 'computeProposal', params: { unitCode: 'SO-A', year: 2026 } }]);
    s = send(changed.next, computed({ status: 'waiting', waitingFor: ['PA2'] })).next;
    expect([unitPhaseOf(s), s.context.waitingFor]).toEqual(['waiting', ['PA2']]);
    const notReady = decideRateUnit(s, { actor: 'a', rating: 'KHA' }, at('2026-12-07'));
    expect(notReady.ok ? 'accepted' : bilingualOf(notReady.message)).toBe(
      'Chưa có đề xuất xếp loại năm 2026 của đơn vị SO-A: còn chờ các cặp PA2 đến giai đoạn đánh giá. / There is no 2026 rating proposal for unit SO-A yet: waiting for pairs PA2 to reach evaluation.',
    );
    s = send(s, computed({ status: 'proposed', proposal, cycles: ['c1', 'c2'] }, '2026-12-13')).next;
    expect([unitPhaseOf(s), s.context.proposal?.rating, s.context.cycles]).toEqual([
      'proposed',
      'KHA',
      ['c1', 'c2'],
    ]);
  });

  test('is confirmed once: an override needs a reason; the rating is recorded and every cycle is told', () => {
    let s = send(start(), computed({ status: 'proposed', proposal, cycles: ['c1', 'c2'] })).next;
    const noReason = decideRateUnit(s, { actor: 'a', rating: 'Tốt' }, at('2027-01-05'));
    expect(noReason.ok ? 'accepted' : bilingualOf(noReason.message)).toBe(
      'Xếp loại «Tốt» khác với đề xuất «Khá»: phải ghi lý do. / The rating "Good" differs from the proposal "Fair": a reason is required.',
    );
    const decision = decideRateUnit(
      s,
      { actor: 'a', rating: 'Tốt', reason: 'Lũ lụt', decisionNumber: '12/QĐ' },
      at('2027-01-05'),
    );
    if (!decision.ok) throw new Error('refused');
    expect(decision.event).toMatchObject({ rating: 'TOT', override: true });
    const confirmed = send(s, decision.event);
    s = confirmed.next;
    const final = {
      rating: 'TOT',
      override: true,
      actor: 'a',
      at: at('2027-01-05'),
      reason: 'Lũ lụt',
      decisionNumber: '12/QĐ',
    };
    expect(confirmed.actions).toEqual([
      { type: 'recordFinalRating', params: { unitCode: 'SO-A', year: 2026, ...final } },
      {
        type: 'notifyCycles',
        params: { workflowIds: ['c1', 'c2'], side: 'sponsor', unitCode: 'SO-A', final },
      },
    ]);
    expect(unitPhaseOf(s)).toBe('confirmed');
    const twice = decideRateUnit(s, { actor: 'b', rating: 'KHA' }, at('2027-01-06'));
    expect(twice.ok ? 'accepted' : bilingualOf(twice.message)).toBe(
      'Xếp loại năm 2026 của đơn vị SO-A đã được xác nhận («Tốt»); không thể ghi lại. / The 2026 rating of unit SO-A is already confirmed ("Good"); it cannot be recorded again.',
    );
    expect(decideUnitFactors(s, { actor: 'b', text: 'x' }, at('2027-01-06')).ok).toBe(false);
  });

  test('positive factors are recorded and the proposal computed again; over 2,000 characters they are refused', () => {
    const s = send(start(), computed({ status: 'proposed', proposal, cycles: ['c1'] })).next;
    const factors = decideUnitFactors(s, { actor: 'a', text: '  Vận động 2 tỷ đồng  ' }, at('2026-12-20'));
    if (!factors.ok) throw new Error('refused');
    const recorded = send(s, factors.event);
    expect(recorded.actions).toEqual([
      {
        type: 'recordPositiveFactors',
        params: {
          unitCode: 'SO-A',
          year: 2026,
          text: 'Vận động 2 tỷ đồng',
          actor: 'a',
          at: at('2026-12-20'),
        },
      },
      { type: 'computeProposal', params: { unitCode: 'SO-A', year: 2026 } },
    ]);
    expect(recorded.next.context.positiveFactors).toBe('Vận động 2 tỷ đồng');
    const tooLong = decideUnitFactors(s, { actor: 'a', text: 'x'.repeat(2001) }, at('2026-12-20'));
    expect(tooLong.ok ? 'accepted' : [tooLong.type, bilingualOf(tooLong.message)]).toEqual([
      'InvalidPayload',
      'Trường «text» dài quá 2000 ký tự. / The field "text" is longer than 2000 characters.',
    ]);
  });

  test('a rating confirmed in an earlier run stands: the cycles that reached evaluation since are told', () => {
    const final = { rating: 'TOT', override: false, actor: 'a', at: at('2027-01-05') };
    const { next, actions } = send(
      start(),
      computed({ status: 'confirmed', proposal, final, cycles: ['c3'] }),
    );
    expect(unitPhaseOf(next)).toBe('confirmed');
    expect(actions).toEqual([
      { type: 'notifyCycles', params: { workflowIds: ['c3'], side: 'sponsor', unitCode: 'SO-A', final } },
    ]);
  });

  test('nothing to rate ends the evaluation', () => {
    const { next } = send(start(), computed({ status: 'nothingToRate' }));
    expect(unitPhaseOf(next)).toBe('nothingToRate');
    expect(next.status).toBe('done');
  });
});
