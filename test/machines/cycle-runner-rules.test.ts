/**
 * The statechart's decisions added with the runner, driven purely (no workflow): the pair's period ending within
 * the year (from the roster, or decided later), units rated as units (UNIT_RATED), the evaluation requests and
 * roster changes as actions, and the request decisions the Update validators share with their handlers.
 */
import { transition } from 'xstate';
import { WorkingCalendar, resolveSettings, seedCalendarDays, yearSchedule } from '../../domain/calendar';
import { bilingualOf } from '../../domain/messages';
import {
  cycleMachine,
  decideEndPeriod,
  decideExtend,
  decideProgress,
  decideSubmit,
  decideUnitRated,
  projectCycle,
  type CycleEvent,
  type RequestEnv,
} from '../../machines/cycle';
import { Driver, endOf, input2026, morning, ofType } from './cycle-fixture';

const submit = (
  obligation: 'O1' | 'O2' | 'O3' | 'O5' | 'O6',
  side: 'sponsor' | 'recipient',
  at: string,
): CycleEvent => ({
  type: 'SUBMIT',
  obligation,
  side,
  at,
  submissionId: `s-${obligation}-${side}`,
  actor: 'u',
  data: {},
});

const unitRated = (side: 'sponsor' | 'recipient', rating: string, at: string): CycleEvent => ({
  type: 'UNIT_RATED',
  side,
  unitCode: side === 'sponsor' ? 'SO-A' : 'XA-A',
  rating,
  at,
  actor: 'admin',
});

/** Plays a cycle on time up to evaluation. */
function toEvaluation(): Driver {
  const d = new Driver();
  d.send(submit('O1', 'recipient', morning('2026-02-10')));
  d.send(submit('O2', 'recipient', morning('2026-02-10')));
  d.send(submit('O3', 'sponsor', morning('2026-03-10')));
  d.send(submit('O3', 'recipient', morning('2026-03-10')));
  d.send({
    type: 'PROGRESS',
    at: morning('2026-05-05'),
    entryId: 'e1',
    actor: 'u',
    side: 'sponsor',
    data: { x: 1 },
  });
  d.send(submit('O5', 'sponsor', morning('2026-12-10')));
  d.send(submit('O6', 'recipient', morning('2026-12-10')));
  return d;
}

describe("the pair's period ends within the year", () => {
  test('from the roster: obligations due after the end are not applicable, the cycle stays open until it, then closes ended', () => {
    const d = new Driver({ ...input2026(), periodEndsAt: endOf('2026-06-30') });
    expect(projectCycle(d.snapshot).obligations.map((o) => [o.id, o.status])).toEqual([
      ['O1', 'pending'],
      ['O2', 'pending'],
      ['O3', 'pending'],
      ['O4', 'notApplicable'],
      ['O5', 'notApplicable'],
      ['O6', 'notApplicable'],
      ['O7', 'notApplicable'],
    ]);
    // No progress reminder: O4 is not owed.
    expect(ofType(d.last, 'scheduleTimer').filter((t) => t.purpose === 'progressReminder')).toEqual([]);
    expect(ofType(d.last, 'scheduleTimer').at(-1)).toEqual({
      timerId: 'period:end',
      at: endOf('2026-06-30'),
      purpose: 'periodEnd',
    });
    d.send(submit('O1', 'recipient', morning('2026-02-10')));
    d.send(submit('O2', 'recipient', morning('2026-02-10')));
    d.send(submit('O3', 'sponsor', morning('2026-03-10')));
    d.send(submit('O3', 'recipient', morning('2026-03-10')));
    // Nothing more is owed, but the cycle waits in implementation for its period's end (progress still counts).
    expect(d.phase).toBe('implementation');
    d.send({
      type: 'PROGRESS',
      at: morning('2026-05-05'),
      entryId: 'e1',
      actor: 'u',
      side: 'sponsor',
      data: {},
    });
    const atEnd = d.runUntil(endOf('2026-06-30'));
    expect(d.phase).toBe('closed');
    expect(ofType(atEnd, 'changePair')).toEqual([
      { status: 'ENDED', at: endOf('2026-06-30'), lastDay: '2026-06-30', reason: 'roster', actor: 'system' },
    ]);
    expect(ofType(atEnd, 'evaluateUnits')).toEqual([{ sides: ['sponsor', 'recipient'], reason: 'closed' }]);
    expect(projectCycle(d.snapshot)).toMatchObject({
      closedBy: 'ended',
      flags: ['ended'],
      periodEndsOn: '2026-06-30',
    });
    expect(d.timers.size).toBe(0);
  });

  test('decided later (END_PERIOD): later obligations become not applicable at once, the cycle closes re-paired at the end', () => {
    const d = new Driver();
    d.send(submit('O1', 'recipient', morning('2026-02-10')));
    d.send(submit('O2', 'recipient', morning('2026-02-10')));
    d.send(submit('O3', 'sponsor', morning('2026-03-10')));
    d.send(submit('O3', 'recipient', morning('2026-03-10')));
    d.runUntil(morning('2026-06-20'));
    const decided = d.send({
      type: 'END_PERIOD',
      at: morning('2026-06-20'),
      lastDay: '2026-06-30',
      endsAt: endOf('2026-06-30'),
      reason: 'Sáp nhập xã',
      actor: 'admin',
      successorPairCode: 'P09',
      decisionNumber: '1/NQ',
    });
    expect(ofType(decided, 'record').map((r) => [r.entry.kind, r.entry.obligation ?? ''])).toEqual([
      ['periodEnding', ''],
      ['notApplicable', 'O4'],
      ['notApplicable', 'O5'],
      ['notApplicable', 'O6'],
      ['notApplicable', 'O7'],
    ]);
    // Every timer of those obligations and the later progress reminders are gone; only the end is left.
    expect([...d.timers.keys()]).toEqual(['period:end']);
    expect(d.phase).toBe('implementation');
    const atEnd = d.runUntil(endOf('2026-06-30'));
    expect(ofType(atEnd, 'changePair')).toEqual([
      {
        status: 'REPAIRED',
        at: endOf('2026-06-30'),
        lastDay: '2026-06-30',
        reason: 'Sáp nhập xã',
        actor: 'admin',
        successorPairCode: 'P09',
        decisionNumber: '1/NQ',
      },
    ]);
    expect(projectCycle(d.snapshot)).toMatchObject({
      phase: 'closed',
      closedBy: 'repaired',
      successorPairCode: 'P09',
    });
  });

  test('an end already past closes the cycle at once; an end is brought forward, never pushed back', () => {
    const d = new Driver();
    const env = envFor();
    const later = decideEndPeriod(
      d.snapshot,
      { actor: 'a', lastDay: '2026-09-30', reason: 'x' },
      morning('2026-06-01'),
    );
    expect(later.ok).toBe(true);
    if (later.ok) d.send(later.event);
    const pushedBack = decideEndPeriod(
      d.snapshot,
      { actor: 'a', lastDay: '2026-10-31', reason: 'x' },
      morning('2026-06-02'),
    );
    expect(pushedBack.ok ? 'accepted' : bilingualOf(pushedBack.message)).toBe(
      "Thời hạn kết nghĩa của cặp đã kết thúc vào ngày 2026-09-30, không muộn hơn ngày 2026-10-31; không thể lùi lại. / The pair's period already ends on 2026-09-30, no later than 2026-10-31; it cannot be pushed back.",
    );
    const past = decideEndPeriod(
      d.snapshot,
      { actor: 'a', lastDay: '2026-05-31', reason: 'x' },
      morning('2026-06-03'),
    );
    if (!past.ok) throw new Error('refused');
    d.send(past.event);
    expect(projectCycle(d.snapshot)).toMatchObject({ phase: 'closed', closedBy: 'ended' });
    expect(env.schedule.year).toBe(2026);
  });
});

describe('units rated as units', () => {
  test('entering evaluation asks for both units to be evaluated; late data there asks again', () => {
    const d = toEvaluation();
    expect(d.phase).toBe('evaluation');
    expect(ofType(d.last, 'evaluateUnits')).toEqual([{ sides: ['sponsor', 'recipient'], reason: 'ready' }]);
    const extended = d.send({
      type: 'EXTEND',
      obligation: 'O7',
      at: morning('2027-01-05'),
      newEffectiveDue: '2027-01-30',
      endsAt: endOf('2027-01-30'),
      reminders: [],
      escalations: [],
      reason: 'x',
      actor: 'admin',
    });
    expect(ofType(extended, 'evaluateUnits')).toEqual([
      { sides: ['sponsor', 'recipient'], reason: 'lateData' },
    ]);
  });

  test('O7 is met once both units are rated, in either order; a second rating of a side is refused', () => {
    const d = toEvaluation();
    const first = d.send(unitRated('recipient', 'KHA', morning('2027-01-06')));
    expect(ofType(first, 'record').map((r) => r.entry.kind)).toEqual(['unitRated']);
    expect(d.phase).toBe('evaluation');
    const again = decideUnitRated(
      d.snapshot,
      { side: 'recipient', unitCode: 'XA-A', rating: 'TOT', actor: 'a', at: 'x' },
      morning('2027-01-07'),
    );
    expect(again.ok ? 'accepted' : bilingualOf(again.message)).toBe(
      'Xếp loại của Đơn vị được giúp đỡ đã được ghi nhận cho chu kỳ này. / The rating of the recipient is already recorded for this cycle.',
    );
    const second = d.send(unitRated('sponsor', 'TOT', morning('2027-01-08')));
    expect(ofType(second, 'record').map((r) => r.entry.kind)).toEqual(['unitRated', 'rated', 'phaseChanged']);
    expect(projectCycle(d.snapshot)).toMatchObject({
      phase: 'closed',
      closedBy: 'rated',
      rating: { sponsorRating: 'TOT', recipientRating: 'KHA' },
      unitRatings: { sponsor: 'TOT', recipient: 'KHA' },
    });
    expect(projectCycle(d.snapshot).obligations.find((o) => o.id === 'O7')?.status).toBe('submitted');
    // Closed by its rating: nothing more to evaluate.
    expect(ofType(second, 'evaluateUnits')).toEqual([]);
  });

  test('a unit rating before evaluation is ignored by the machine', () => {
    const d = new Driver();
    const [same, actions] = transition(
      cycleMachine,
      d.snapshot,
      unitRated('sponsor', 'TOT', morning('2026-02-01')),
    );
    expect(actions).toEqual([]);
    expect(same).toBe(d.snapshot);
  });

  test('submissions and progress entries pass their payload on to be stored, with the side that entered them', () => {
    const d = new Driver();
    d.send(submit('O1', 'recipient', morning('2026-02-10')));
    d.send(submit('O2', 'recipient', morning('2026-02-10')));
    d.send(submit('O3', 'sponsor', morning('2026-03-10')));
    d.send(submit('O3', 'recipient', morning('2026-03-10')));
    const entry = d.send({
      type: 'PROGRESS',
      at: morning('2026-05-05'),
      entryId: 'upd-1',
      actor: 'u',
      side: 'recipient',
      data: { households: 2 },
    });
    expect(ofType(entry, 'storeProgress')).toEqual([
      {
        idempotencyKey: 'twinning-cycle:P01:2026:upd-1',
        actor: 'u',
        side: 'recipient',
        at: morning('2026-05-05'),
        data: { households: 2 },
      },
    ]);
  });
});

function envFor(): RequestEnv {
  const settings = resolveSettings(2026, {});
  const calendar = WorkingCalendar.fromEntries([...seedCalendarDays(2026), ...seedCalendarDays(2027)]);
  return { settings, calendar, schedule: yearSchedule(2026, settings, calendar) };
}

describe('request decisions (shared by the validators and the handlers)', () => {
  test('an extension cannot end before the current last day, and is computed from it', () => {
    const d = new Driver();
    const env = envFor();
    const before = decideExtend(
      d.snapshot,
      { actor: 'a', obligation: 'O2', newDate: '2026-02-20', reason: 'Lũ lụt' },
      morning('2026-02-01'),
      env,
    );
    expect(before.ok ? 'accepted' : bilingualOf(before.message)).toBe(
      'Hạn mới (2026-02-20) không được sớm hơn hạn hiện tại (2026-03-02). / The new deadline (2026-02-20) cannot be earlier than the current one (2026-03-02).',
    );
    const ok = decideExtend(
      d.snapshot,
      { actor: 'a', obligation: 'O2', newDate: '2026-03-14', reason: 'Lũ lụt' },
      morning('2026-02-01'),
      env,
    );
    // 14/03/2026 is a Saturday: rolled forward to Monday 16/03.
    expect(ok.ok && ok.event.type === 'EXTEND' ? [ok.event.newEffectiveDue, ok.event.endsAt] : ok).toEqual([
      '2026-03-16',
      endOf('2026-03-16'),
    ]);
  });

  test('a wrong party is refused before the payload is looked at; a bad payload is InvalidPayload', () => {
    const d = new Driver();
    const wrong = decideSubmit(
      d.snapshot,
      { obligation: 'O2', side: 'sponsor', actor: 'a', data: {} },
      morning('2026-02-01'),
      'u1',
    );
    expect(wrong.ok ? 'accepted' : [wrong.type, wrong.message.key]).toEqual([
      'CycleRefusal',
      'cycle.wrongSide',
    ]);
    const bad = decideSubmit(
      d.snapshot,
      { obligation: 'O2', side: 'recipient', actor: 'a', data: { summary: '' } },
      morning('2026-02-01'),
      'u1',
    );
    expect(bad.ok ? 'accepted' : [bad.type, bilingualOf(bad.message)]).toEqual([
      'InvalidPayload',
      'Trường «summary» không được để trống. / The field "summary" must not be empty.',
    ]);
  });

  test('a progress entry may name only a commune the pair covers', () => {
    const d = new Driver({ ...input2026(), communes: ['XA-1', 'XA-2'] });
    d.send(submit('O1', 'recipient', morning('2026-02-10')));
    d.send(submit('O2', 'recipient', morning('2026-02-10')));
    d.send(submit('O3', 'sponsor', morning('2026-03-10')));
    d.send(submit('O3', 'recipient', morning('2026-03-10')));
    const data = {
      category: 'OTHER',
      households: 1,
      amountDong: 0,
      modelsBuilt: 0,
      modelsReplicated: 0,
      studyTours: 0,
      description: 'x',
    };
    const other = decideProgress(
      d.snapshot,
      { side: 'sponsor', actor: 'a', data: { ...data, communeCode: 'XA-9' } },
      morning('2026-05-01'),
      'u2',
    );
    expect(other.ok ? 'accepted' : bilingualOf(other.message)).toBe(
      'Xã «XA-9» không thuộc cặp kết nghĩa này (các xã của cặp: XA-1, XA-2). / The commune "XA-9" is not covered by this pair (its communes: XA-1, XA-2).',
    );
    expect(
      decideProgress(
        d.snapshot,
        { side: 'sponsor', actor: 'a', data: { ...data, communeCode: 'XA-2' } },
        morning('2026-05-01'),
        'u3',
      ).ok,
    ).toBe(true);
  });
});
