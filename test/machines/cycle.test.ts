/** Scenario tests of the cycle statechart: the exact actions of each transition for a hand-built 2026 input. */
import { initialTransition, transition } from 'xstate';
import { cycleActions, cycleMachine, projectCycle, type CycleEvent } from '../../machines/cycle';
import { Driver, endOf, input2026, morning, ofType } from './cycle-fixture';

const WF = 'twinning-cycle:P01:2026';
const submit = (
  obligation: 'O1' | 'O2' | 'O3' | 'O5' | 'O6',
  side: 'sponsor' | 'recipient',
  at: string,
): CycleEvent => ({
  type: 'SUBMIT',
  obligation,
  side,
  at,
  submissionId: `sub-${obligation}-${side}`,
  actor: `user-${side}`,
  data: {},
});
const ids = (xs: { timerId: string }[]) => xs.map((x) => x.timerId);

describe('opening', () => {
  test('schedules every timer of the year in order, with its instant, and records the opening', () => {
    const d = new Driver();
    expect(d.last[0]).toEqual({
      type: 'record',
      params: {
        entry: { at: morning('2026-01-01'), kind: 'opened', detail: { pairCode: 'P01', year: 2026 } },
      },
    });
    const scheduled = ofType(d.last, 'scheduleTimer');
    expect(scheduled).toHaveLength(2 * 6 + 6 + (2 + 3) + 2 * 6 + 4);
    expect(scheduled.slice(0, 2)).toEqual([
      {
        timerId: 'O1:reminder:D-14',
        at: '2026-02-16T01:00:00.000Z',
        purpose: 'reminder',
        obligation: 'O1',
        offsetDays: 14,
      },
      {
        timerId: 'O2:reminder:D-14',
        at: '2026-02-16T01:00:00.000Z',
        purpose: 'reminder',
        obligation: 'O2',
        offsetDays: 14,
      },
    ]);
    expect(scheduled).toContainEqual({
      timerId: 'O2:deadline',
      at: '2026-03-02T17:00:00.000Z',
      purpose: 'deadline',
      obligation: 'O2',
    });
    expect(scheduled).toContainEqual({
      timerId: 'O2:escalation:2',
      at: '2026-03-12T01:00:00.000Z',
      purpose: 'escalation',
      obligation: 'O2',
      level: 2,
    });
    expect(scheduled).toContainEqual({
      timerId: 'O4:progress:2026-04-01',
      at: '2026-04-01T01:00:00.000Z',
      purpose: 'progressReminder',
      obligation: 'O4',
    });
    expect(scheduled).toContainEqual({
      timerId: 'O7:deadline',
      at: '2027-01-15T17:00:00.000Z',
      purpose: 'deadline',
      obligation: 'O7',
    });
    const ats = scheduled.map((t) => t.at);
    expect([...ats].sort()).toEqual(ats);
    const p = projectCycle(d.snapshot);
    expect(p.phase).toBe('needsProposal');
    expect(p.waitingFor).toEqual(['O1', 'O2']);
    expect(p.nextTimer).toEqual({
      timerId: 'O1:reminder:D-14',
      at: '2026-02-16T01:00:00.000Z',
      purpose: 'reminder',
    });
    expect(p.obligations.find((o) => o.id === 'O2')).toMatchObject({
      statutoryDue: '2026-02-28',
      effectiveDue: '2026-03-02',
      status: 'pending',
    });
    expect(p.flags).toEqual([]);
  });

  test('a pair added mid-year: past obligations are not applicable, get no timers, and the phases catch up', () => {
    const d = new Driver(input2026(morning('2026-06-15')));
    const records = ofType(d.last, 'record').map((r) => r.entry);
    expect(records.filter((e) => e.kind === 'notApplicable').map((e) => e.obligation)).toEqual([
      'O1',
      'O2',
      'O3',
    ]);
    expect(records.filter((e) => e.kind === 'phaseChanged').map((e) => e.detail)).toEqual([
      { from: 'needsProposal', to: 'agreement' },
      { from: 'agreement', to: 'implementation' },
    ]);
    const scheduled = ofType(d.last, 'scheduleTimer');
    expect(scheduled.some((t) => ['O1', 'O2', 'O3'].includes(t.obligation ?? ''))).toBe(false);
    expect(ids(scheduled.filter((t) => t.purpose === 'progressReminder'))).toEqual([
      'O4:progress:2026-07-01',
      'O4:progress:2026-10-01',
    ]);
    const p = projectCycle(d.snapshot);
    expect(p.phase).toBe('implementation');
    expect(p.waitingSince).toBe(morning('2026-06-15'));
    expect(p.overdue).toBe(false);
    expect(p.obligations.map((o) => o.status)).toEqual([
      'notApplicable',
      'notApplicable',
      'notApplicable',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
  });

  test('reminders already past at opening are dropped', () => {
    const d = new Driver(input2026(morning('2026-02-20')));
    const scheduled = ids(ofType(d.last, 'scheduleTimer'));
    expect(scheduled).not.toContain('O2:reminder:D-14');
    expect(scheduled).toContain('O2:reminder:D-7');
  });
});

describe('needs proposal', () => {
  test('reminders notify under their idempotency keys', () => {
    const d = new Driver();
    expect(d.runUntil('2026-02-23T23:00:00.000Z')).toEqual([
      ...['D-14', 'D-7'].flatMap((offset) =>
        ['O1', 'O2'].map((obligation) => ({
          type: 'notify',
          params: {
            kind: 'reminder',
            obligation,
            dueDate: '2026-03-02',
            parties: ['recipient'],
            idempotencyKey: `${WF}:${obligation}:reminder-${offset}:2026-03-02`,
          },
        })),
      ),
    ]);
  });

  test("submitting stops that obligation's reminders; both submitted moves to agreement", () => {
    const d = new Driver();
    d.runUntil('2026-02-17T00:00:00.000Z');
    const actions = d.send(submit('O2', 'recipient', '2026-02-20T03:00:00.000Z'));
    expect(actions).toEqual([
      ...['O2:reminder:D-7', 'O2:reminder:D-1', 'O2:deadline', 'O2:escalation:1', 'O2:escalation:2'].map(
        (timerId) => ({
          type: 'cancelTimer',
          params: { timerId },
        }),
      ),
      {
        type: 'record',
        params: {
          entry: {
            at: '2026-02-20T03:00:00.000Z',
            kind: 'submitted',
            obligation: 'O2',
            side: 'recipient',
            actor: 'user-recipient',
            detail: { submissionId: 'sub-O2-recipient' },
          },
        },
      },
      {
        type: 'storeSubmission',
        params: {
          idempotencyKey: 'twinning-cycle:P01:2026:sub-O2-recipient',
          obligation: 'O2',
          side: 'recipient',
          actor: 'user-recipient',
          at: '2026-02-20T03:00:00.000Z',
          late: false,
          data: {},
        },
      },
    ]);
    expect(d.phase).toBe('needsProposal');
    const second = d.send(submit('O1', 'recipient', '2026-02-21T03:00:00.000Z'));
    expect(ofType(second, 'record').map((r) => r.entry.kind)).toEqual(['submitted', 'phaseChanged']);
    const p = projectCycle(d.snapshot);
    expect(p.phase).toBe('agreement');
    expect(p.waitingFor).toEqual(['O3']);
    expect(p.waitingSince).toBe('2026-02-21T03:00:00.000Z');
    expect(p.obligations[1]).toMatchObject({ status: 'submitted', completedAt: '2026-02-20T03:00:00.000Z' });
    // The remaining reminders of O2 no longer exist; a stale firing is ignored.
    const [same, none] = transition(cycleMachine, d.snapshot, {
      type: 'TIMER_FIRED',
      timerId: 'O2:reminder:D-1',
      at: morning('2026-03-01'),
    });
    expect(none).toEqual([]);
    expect(same).toBe(d.snapshot);
  });

  test('missing the deadline never stalls the year: missed, recorded, the phase moves on; escalation; late submission', () => {
    const d = new Driver();
    const atDeadline = d.runUntil(endOf('2026-03-02'));
    expect(
      ofType(atDeadline, 'record').map((r) => [r.entry.kind, r.entry.obligation ?? r.entry.detail]),
    ).toEqual([
      ['missed', 'O1'],
      ['missed', 'O2'],
      ['phaseChanged', { from: 'needsProposal', to: 'agreement' }],
    ]);
    expect(d.phase).toBe('agreement');
    expect(projectCycle(d.snapshot)).toMatchObject({ overdue: true, flags: ['overdue'], escalationLevel: 0 });

    const escalation = d.runUntil(morning('2026-03-05'));
    expect(ofType(escalation, 'notify')).toEqual(
      ['O1', 'O2'].map((obligation) => ({
        kind: 'escalation',
        obligation,
        level: 1,
        dueDate: '2026-03-02',
        parties: ['recipient'],
        idempotencyKey: `${WF}:${obligation}:escalation-1:2026-03-02`,
      })),
    );
    expect(projectCycle(d.snapshot).escalationLevel).toBe(1);

    const late = d.send(submit('O2', 'recipient', '2026-03-07T02:00:00.000Z'));
    expect(late).toEqual([
      { type: 'cancelTimer', params: { timerId: 'O2:escalation:2' } },
      {
        type: 'record',
        params: {
          entry: {
            at: '2026-03-07T02:00:00.000Z',
            kind: 'late',
            obligation: 'O2',
            side: 'recipient',
            actor: 'user-recipient',
            detail: { submissionId: 'sub-O2-recipient' },
          },
        },
      },
      {
        type: 'storeSubmission',
        params: {
          idempotencyKey: 'twinning-cycle:P01:2026:sub-O2-recipient',
          obligation: 'O2',
          side: 'recipient',
          actor: 'user-recipient',
          at: '2026-03-07T02:00:00.000Z',
          late: true,
          data: {},
        },
      },
    ]);
    const p = projectCycle(d.snapshot);
    expect(p.obligations[1]).toMatchObject({ status: 'late', escalationLevel: 0 });
    expect(p.obligations[0]).toMatchObject({ status: 'missed', escalationLevel: 1 });
    expect(p.escalationLevel).toBe(1);
    d.send(submit('O1', 'recipient', '2026-03-08T02:00:00.000Z'));
    expect(projectCycle(d.snapshot)).toMatchObject({ escalationLevel: 0, overdue: false, flags: [] });
  });

  test('a submission racing its deadline timer is late, and the deadline timer is cancelled', () => {
    const d = new Driver();
    const actions = d.send(submit('O2', 'recipient', '2026-03-02T17:00:00.001Z'));
    expect(ids(ofType(actions, 'cancelTimer'))).toContain('O2:deadline');
    expect(d.status('O2')).toBe('late');
  });
});

describe('refusals (the machine ignores what the validators refuse)', () => {
  test.each<[string, CycleEvent]>([
    ['the sponsor submitting a needs proposal', submit('O2', 'sponsor', morning('2026-01-10'))],
    ['a year-end report during needs proposal', submit('O5', 'sponsor', morning('2026-01-10'))],
    [
      'progress before implementation',
      { type: 'PROGRESS', at: morning('2026-01-10'), entryId: 'e', actor: 'u', data: {} },
    ],
    [
      'a rating before evaluation',
      { type: 'RATE', at: morning('2026-01-10'), actor: 'a', sponsorRating: 'X', recipientRating: 'Y' },
    ],
    ['an unknown timer', { type: 'TIMER_FIRED', timerId: 'O9:deadline', at: morning('2026-01-10') }],
    [
      'an extension ending in the past',
      {
        type: 'EXTEND',
        obligation: 'O2',
        at: morning('2026-01-10'),
        newEffectiveDue: '2026-01-09',
        endsAt: endOf('2026-01-09'),
        reminders: [],
        escalations: [],
        reason: 'r',
        actor: 'a',
      },
    ],
    [
      'waiving an obligation already met',
      { type: 'WAIVE', obligation: 'O2', at: morning('2026-01-10'), reason: 'r', actor: 'a' },
    ],
  ])('%s', (_name, event) => {
    const d = new Driver();
    if (event.type === 'WAIVE') d.send(submit('O2', 'recipient', morning('2026-01-09')));
    const before = d.snapshot;
    expect(d.send(event)).toEqual([]);
    expect(d.snapshot.context).toEqual(before.context);
  });

  test('a duplicate signature and a second submission are ignored', () => {
    const d = new Driver();
    d.send(submit('O3', 'sponsor', morning('2026-01-10')));
    expect(d.send(submit('O3', 'sponsor', morning('2026-01-11')))).toEqual([]);
    d.send(submit('O2', 'recipient', morning('2026-01-12')));
    expect(d.send(submit('O2', 'recipient', morning('2026-01-13')))).toEqual([]);
  });
});

describe('agreement (O3: both sides sign)', () => {
  test('the first signature keeps O3 pending and narrows its reminders; the second completes it', () => {
    const d = new Driver();
    d.send(submit('O1', 'recipient', morning('2026-02-01')));
    d.send(submit('O2', 'recipient', morning('2026-02-02')));
    const first = d.send(submit('O3', 'sponsor', morning('2026-03-10')));
    expect(first).toEqual([
      {
        type: 'record',
        params: {
          entry: {
            at: morning('2026-03-10'),
            kind: 'signed',
            obligation: 'O3',
            side: 'sponsor',
            actor: 'user-sponsor',
            detail: { submissionId: 'sub-O3-sponsor' },
          },
        },
      },
      {
        type: 'storeSubmission',
        params: {
          idempotencyKey: 'twinning-cycle:P01:2026:sub-O3-sponsor',
          obligation: 'O3',
          side: 'sponsor',
          actor: 'user-sponsor',
          at: morning('2026-03-10'),
          late: false,
          data: {},
        },
      },
    ]);
    expect(projectCycle(d.snapshot).obligations[2]).toMatchObject({
      status: 'pending',
      signedBy: ['sponsor'],
    });
    const reminder = d.runUntil(morning('2026-03-17'));
    expect(ofType(reminder, 'notify')).toEqual([
      {
        kind: 'reminder',
        obligation: 'O3',
        dueDate: '2026-03-31',
        parties: ['recipient'],
        idempotencyKey: `${WF}:O3:reminder-D-14:2026-03-31`,
      },
    ]);
    const second = d.send(submit('O3', 'recipient', morning('2026-03-20')));
    expect(ids(ofType(second, 'cancelTimer'))).toEqual([
      'O3:reminder:D-7',
      'O3:reminder:D-1',
      'O3:deadline',
      'O3:escalation:1',
      'O3:escalation:2',
    ]);
    expect(ofType(second, 'record').map((r) => r.entry.kind)).toEqual(['submitted', 'phaseChanged']);
    expect(projectCycle(d.snapshot)).toMatchObject({ phase: 'implementation', waitingFor: ['O4'] });
    expect(projectCycle(d.snapshot).obligations[2]).toMatchObject({
      status: 'submitted',
      signedBy: ['sponsor', 'recipient'],
      completedAt: morning('2026-03-20'),
    });
  });

  test('O3 missed flags noSignedProgramme; a late co-signature clears it', () => {
    const d = new Driver();
    d.runUntil(endOf('2026-03-31'));
    expect(d.phase).toBe('implementation');
    expect(projectCycle(d.snapshot).flags).toEqual(['noSignedProgramme', 'overdue']);
    d.send(submit('O3', 'sponsor', morning('2026-04-20')));
    d.send(submit('O3', 'recipient', morning('2026-04-21')));
    expect(d.status('O3')).toBe('late');
    expect(projectCycle(d.snapshot).flags).not.toContain('noSignedProgramme');
  });
});

describe('administrator actions', () => {
  test('an extension moves every pending reminder and escalation; the old timers are stale', () => {
    const d = new Driver();
    d.runUntil(morning('2026-02-23'));
    const actions = d.send({
      type: 'EXTEND',
      obligation: 'O2',
      at: morning('2026-02-25'),
      newEffectiveDue: '2026-03-16',
      endsAt: endOf('2026-03-16'),
      reminders: [
        { offsetDays: 14, at: morning('2026-03-02') },
        { offsetDays: 7, at: morning('2026-03-09') },
        { offsetDays: 1, at: morning('2026-03-15') },
      ],
      escalations: [
        { level: 1, at: morning('2026-03-19') },
        { level: 2, at: morning('2026-03-26') },
      ],
      reason: 'Bão lũ',
      decisionNumber: '12/QĐ-BDT',
      actor: 'admin-1',
    });
    expect(ofType(actions, 'cancelTimer')).toEqual(
      ['O2:reminder:D-1', 'O2:deadline', 'O2:escalation:1', 'O2:escalation:2'].map((timerId) => ({
        timerId,
      })),
    );
    expect(ofType(actions, 'scheduleTimer')).toEqual([
      {
        timerId: 'O2#1:reminder:D-14',
        at: morning('2026-03-02'),
        purpose: 'reminder',
        obligation: 'O2',
        offsetDays: 14,
      },
      {
        timerId: 'O2#1:reminder:D-7',
        at: morning('2026-03-09'),
        purpose: 'reminder',
        obligation: 'O2',
        offsetDays: 7,
      },
      {
        timerId: 'O2#1:reminder:D-1',
        at: morning('2026-03-15'),
        purpose: 'reminder',
        obligation: 'O2',
        offsetDays: 1,
      },
      { timerId: 'O2#1:deadline', at: endOf('2026-03-16'), purpose: 'deadline', obligation: 'O2' },
      {
        timerId: 'O2#1:escalation:1',
        at: morning('2026-03-19'),
        purpose: 'escalation',
        obligation: 'O2',
        level: 1,
      },
      {
        timerId: 'O2#1:escalation:2',
        at: morning('2026-03-26'),
        purpose: 'escalation',
        obligation: 'O2',
        level: 2,
      },
    ]);
    expect(ofType(actions, 'record')).toEqual([
      {
        entry: {
          at: morning('2026-02-25'),
          kind: 'extended',
          obligation: 'O2',
          actor: 'admin-1',
          detail: {
            from: '2026-03-02',
            to: '2026-03-16',
            previousStatus: 'pending',
            reason: 'Bão lũ',
            generation: 1,
            decisionNumber: '12/QĐ-BDT',
          },
        },
      },
    ]);
    // An old timer that fires anyway (already in flight) is ignored.
    expect(
      transition(cycleMachine, d.snapshot, {
        type: 'TIMER_FIRED',
        timerId: 'O2:deadline',
        at: endOf('2026-03-02'),
      })[1],
    ).toEqual([]);
    // O1's deadline passes: O1 is missed but the phase waits for the extended O2.
    d.runUntil(endOf('2026-03-02'));
    expect([d.status('O1'), d.status('O2'), d.phase]).toEqual(['missed', 'pending', 'needsProposal']);
    const reminder = d.runUntil(morning('2026-03-02'));
    expect(reminder).toEqual([]);
    expect(ofType(d.runUntil(morning('2026-03-09')), 'notify').filter((n) => n.obligation === 'O2')).toEqual([
      {
        kind: 'reminder',
        obligation: 'O2',
        dueDate: '2026-03-16',
        parties: ['recipient'],
        idempotencyKey: `${WF}:O2:reminder-D-7:2026-03-16`,
      },
    ]);
    d.runUntil(endOf('2026-03-16'));
    expect([d.status('O2'), d.phase]).toEqual(['missed', 'agreement']);
    expect(projectCycle(d.snapshot).obligations[1]).toMatchObject({
      effectiveDue: '2026-03-16',
      statutoryDue: '2026-02-28',
      extensions: 1,
    });
  });

  test('an extension that notifies tells the owed party its new day at once, keyed by the generation', () => {
    const d = new Driver();
    d.runUntil(morning('2026-02-23'));
    const extension = {
      type: 'EXTEND' as const,
      obligation: 'O2' as const,
      newEffectiveDue: '2026-03-16',
      endsAt: endOf('2026-03-16'),
      reminders: [],
      escalations: [],
      reason: 'Bão lũ',
      actor: 'admin-1',
      notifyParties: true,
    };
    expect(ofType(d.send({ ...extension, at: morning('2026-02-25') }), 'notify')).toEqual([
      {
        kind: 'reminder',
        obligation: 'O2',
        dueDate: '2026-03-16',
        parties: ['recipient'],
        idempotencyKey: `${WF}:O2:extended-1:2026-03-16`,
      },
    ]);
    // A second extension is a new generation, so its notice is a new message, not a duplicate.
    expect(
      ofType(
        d.send({
          ...extension,
          at: morning('2026-02-26'),
          newEffectiveDue: '2026-03-20',
          endsAt: endOf('2026-03-20'),
        }),
        'notify',
      ).map((n) => n.idempotencyKey),
    ).toEqual([`${WF}:O2:extended-2:2026-03-20`]);
  });

  test('extending a missed obligation re-opens it without rewinding the phase', () => {
    const d = new Driver();
    d.runUntil(endOf('2026-03-02'));
    const actions = d.send({
      type: 'EXTEND',
      obligation: 'O1',
      at: morning('2026-03-03'),
      newEffectiveDue: '2026-03-20',
      endsAt: endOf('2026-03-20'),
      reminders: [{ offsetDays: 7, at: morning('2026-03-13') }],
      escalations: [],
      reason: 'Đơn vị mới thành lập',
      actor: 'admin-1',
    });
    expect(ids(ofType(actions, 'cancelTimer'))).toEqual(['O1:escalation:1', 'O1:escalation:2']);
    expect(ids(ofType(actions, 'scheduleTimer'))).toEqual(['O1#1:reminder:D-7', 'O1#1:deadline']);
    expect([d.status('O1'), d.phase]).toEqual(['pending', 'agreement']);
    d.send(submit('O1', 'recipient', morning('2026-03-15')));
    expect(d.status('O1')).toBe('submitted');
  });

  test("a waiver cancels the obligation's timers and clears its escalation", () => {
    const d = new Driver();
    d.runUntil(morning('2026-03-05'));
    const actions = d.send({
      type: 'WAIVE',
      obligation: 'O1',
      at: morning('2026-03-06'),
      reason: 'Sáp nhập',
      actor: 'admin-1',
    });
    expect(actions).toEqual([
      { type: 'cancelTimer', params: { timerId: 'O1:escalation:2' } },
      {
        type: 'record',
        params: {
          entry: {
            at: morning('2026-03-06'),
            kind: 'waived',
            obligation: 'O1',
            actor: 'admin-1',
            detail: { reason: 'Sáp nhập' },
          },
        },
      },
    ]);
    expect(projectCycle(d.snapshot).obligations[0]).toMatchObject({ status: 'waived', escalationLevel: 0 });
  });

  test('a resend notifies with a fresh key each time', () => {
    const d = new Driver();
    const keys = [1, 2].map(
      (n) =>
        ofType(
          d.send({ type: 'RESEND', obligation: 'O2', at: morning(`2026-02-0${n}`), actor: 'admin-1' }),
          'notify',
        )[0]?.idempotencyKey,
    );
    expect(keys).toEqual([`${WF}:O2:resend-1:2026-03-02`, `${WF}:O2:resend-2:2026-03-02`]);
  });

  test('dissolution cancels every timer and closes the cycle; re-pairing names the successor', () => {
    const d = new Driver();
    const pending = d.timers.size;
    const actions = d.send({
      type: 'DISSOLVE',
      at: morning('2026-05-01'),
      reason: 'Sáp nhập đơn vị',
      actor: 'admin-1',
    });
    expect(ofType(actions, 'cancelTimer')).toHaveLength(pending);
    expect(d.timers.size).toBe(0);
    expect(ofType(actions, 'record').map((r) => r.entry.kind)).toEqual(['dissolved', 'phaseChanged']);
    expect(projectCycle(d.snapshot)).toMatchObject({
      phase: 'closed',
      flags: ['dissolved'],
      closedBy: 'dissolved',
      overdue: false,
    });
    expect(d.snapshot.status).toBe('done');
    expect(d.send(submit('O3', 'sponsor', morning('2026-05-02')))).toEqual([]);

    const r = new Driver();
    r.send({
      type: 'DISSOLVE',
      at: morning('2026-08-01'),
      reason: 'Ghép lại',
      actor: 'admin-1',
      successorPairCode: 'P77',
    });
    expect(projectCycle(r.snapshot)).toMatchObject({
      phase: 'closed',
      closedBy: 'repaired',
      successorPairCode: 'P77',
    });
    expect(projectCycle(r.snapshot).flags).toContain('repaired');
  });
});

describe('a whole year', () => {
  test('on time: implementation → year-end at the first O5/O6 reminder → evaluation → rated and closed, no timer left', () => {
    const d = new Driver();
    d.send(submit('O2', 'recipient', morning('2026-02-10')));
    d.send(submit('O1', 'recipient', morning('2026-02-11')));
    d.send(submit('O3', 'recipient', morning('2026-03-12')));
    d.send(submit('O3', 'sponsor', morning('2026-03-13')));
    expect(d.phase).toBe('implementation');
    const april = d.runUntil(morning('2026-04-01'));
    expect(ofType(april, 'notify')).toEqual([
      {
        kind: 'progressReminder',
        obligation: 'O4',
        dueDate: '2026-11-30',
        parties: ['sponsor'],
        idempotencyKey: `${WF}:O4:progressReminder-2026-04-01:2026-11-30`,
      },
    ]);
    const progress = d.send({
      type: 'PROGRESS',
      at: morning('2026-05-05'),
      entryId: 'entry-1',
      actor: 'user-sponsor',
      data: {},
    });
    expect(ids(ofType(progress, 'cancelTimer'))).toEqual(['O4:deadline', 'O4:escalation:1']);
    expect(d.status('O4')).toBe('submitted');
    expect(
      ofType(
        d.send({
          type: 'PROGRESS',
          at: morning('2026-06-05'),
          entryId: 'entry-2',
          actor: 'user-recipient',
          data: {},
        }),
        'record',
      )[0]?.entry,
    ).toMatchObject({ kind: 'progress', detail: { entryId: 'entry-2', count: 2 } });
    const dec1 = d.runUntil(morning('2026-12-01'));
    expect(ofType(dec1, 'record').map((r) => r.entry.detail)).toEqual([
      { from: 'implementation', to: 'yearEndReporting' },
    ]);
    expect(ofType(dec1, 'notify').map((n) => n.idempotencyKey)).toEqual([
      `${WF}:O4:progressReminder-2026-07-01:2026-11-30`,
      `${WF}:O4:progressReminder-2026-10-01:2026-11-30`,
      `${WF}:O5:reminder-D-14:2026-12-15`,
      `${WF}:O6:reminder-D-14:2026-12-15`,
    ]);
    d.send(submit('O5', 'sponsor', morning('2026-12-10')));
    expect(d.phase).toBe('yearEndReporting');
    const last = d.send(submit('O6', 'recipient', morning('2026-12-11')));
    expect(ofType(last, 'record').map((r) => r.entry.kind)).toEqual(['submitted', 'phaseChanged']);
    expect(projectCycle(d.snapshot)).toMatchObject({
      phase: 'evaluation',
      waitingFor: ['O7'],
      flags: [],
      overdue: false,
    });
    const rated = d.send({
      type: 'RATE',
      at: morning('2027-01-10'),
      actor: 'admin-1',
      sponsorRating: 'GOOD',
      recipientRating: 'EXCELLENT',
      decisionNumber: '5/QĐ-UBND',
    });
    expect(ofType(rated, 'record').map((r) => r.entry.kind)).toEqual(['rated', 'phaseChanged']);
    expect(d.timers.size).toBe(0);
    expect(projectCycle(d.snapshot)).toMatchObject({
      phase: 'closed',
      closedBy: 'rated',
      rating: { sponsorRating: 'GOOD', recipientRating: 'EXCELLENT', decisionNumber: '5/QĐ-UBND' },
      flags: [],
    });
  });

  test('neglected: every deadline passes, the year reaches evaluation with its flags, O7 escalates until rated late', () => {
    const d = new Driver();
    d.runUntil(morning('2027-01-14'));
    expect(projectCycle(d.snapshot)).toMatchObject({
      phase: 'evaluation',
      flags: ['noSignedProgramme', 'noReport:sponsor', 'noReport:recipient', 'noProgress', 'overdue'],
      escalationLevel: 2,
    });
    // Only O7's timers are left: the progress reminders were cancelled on entering evaluation (none remained).
    expect([...d.timers.keys()].every((id) => id.startsWith('O7:'))).toBe(true);
    const esc = d.runUntil(morning('2027-01-25'));
    expect(ofType(esc, 'notify').map((n) => n.idempotencyKey)).toEqual([
      `${WF}:O7:escalation-1:2027-01-15`,
      `${WF}:O7:escalation-2:2027-01-15`,
    ]);
    expect(d.phase).toBe('evaluation');
    expect(d.status('O7')).toBe('missed');
    d.send({
      type: 'RATE',
      at: morning('2027-02-01'),
      actor: 'admin-1',
      sponsorRating: 'WEAK',
      recipientRating: 'WEAK',
      reason: 'Không ký kết',
    });
    expect([d.status('O7'), d.phase]).toEqual(['late', 'closed']);
    expect(projectCycle(d.snapshot).overdue).toBe(false);
  });

  test('a report before the year-end window opens year-end reporting; a late report is accepted in evaluation', () => {
    const d = new Driver(input2026(morning('2026-06-15')));
    d.send(submit('O5', 'sponsor', morning('2026-11-20')));
    expect(d.phase).toBe('yearEndReporting');
    expect(projectCycle(d.snapshot).flags).toContain('noProgress');
    d.runUntil(endOf('2026-12-15'));
    expect([d.status('O6'), d.phase]).toEqual(['missed', 'evaluation']);
    d.send(submit('O6', 'recipient', morning('2026-12-20')));
    expect(d.status('O6')).toBe('late');
    expect(projectCycle(d.snapshot).flags).not.toContain('noReport:recipient');
  });

  test('the snapshot survives a JSON round trip mid-year and continues identically', () => {
    const d = new Driver();
    d.runUntil(morning('2026-03-05'));
    d.send(submit('O3', 'sponsor', morning('2026-03-06')));
    const restored = d.roundTrip();
    expect(projectCycle(restored)).toEqual(projectCycle(d.snapshot));
    const event = submit('O3', 'recipient', morning('2026-03-07'));
    const [a, aa] = transition(cycleMachine, d.snapshot, event);
    const [b, ba] = transition(cycleMachine, restored, event);
    expect(cycleActions(ba)).toEqual(cycleActions(aa));
    expect(projectCycle(b)).toEqual(projectCycle(a));
  });

  test('initialTransition is deterministic', () => {
    const [s1, a1] = initialTransition(cycleMachine, input2026());
    const [s2, a2] = initialTransition(cycleMachine, input2026());
    expect(cycleActions(a1)).toEqual(cycleActions(a2));
    expect(s1.context).toEqual(s2.context);
  });
});
