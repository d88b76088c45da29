/**
 * Walks the cycle statechart with @xstate/graph: every reachable abstract state (phase, obligation statuses,
 * signatures, progress, pending timers) by its shortest path, and checks invariants on every step of every path.
 */
import { getShortestPaths } from '@xstate/graph';
import { transition } from 'xstate';
import { OBLIGATION_IDS, SUBMITTABLE_OBLIGATIONS, phaseIndex } from '../../domain/cycle/types';
import {
  cycleActions,
  cycleMachine,
  persistCycle,
  phaseOf,
  projectCycle,
  restoreCycle,
  type CycleEvent,
  type CycleInput,
  type CycleSnapshot,
} from '../../machines/cycle';
import { Driver, endOf, morning } from './cycle-fixture';

/** A small 2026 input: one reminder, the deadline and one escalation per obligation; one progress reminder. */
function smallInput(): CycleInput {
  const one = (due: string, reminder: string, escalation: string) => ({
    statutoryDue: due,
    effectiveDue: due,
    endsAt: endOf(due),
    reminders: [{ offsetDays: 7, at: morning(reminder) }],
    escalations: [{ level: 1 as const, at: morning(escalation) }],
  });
  const o12 = one('2026-03-02', '2026-02-23', '2026-03-05');
  const o56 = one('2026-12-15', '2026-12-08', '2026-12-18');
  return {
    workflowId: 'twinning-cycle:P09:2026',
    pairCode: 'P09',
    year: 2026,
    openedAt: morning('2026-01-01'),
    obligations: {
      O1: o12,
      O2: o12,
      O3: one('2026-03-31', '2026-03-24', '2026-04-03'),
      O4: one('2026-11-30', '2026-11-23', '2026-12-03'),
      O5: o56,
      O6: o56,
      O7: one('2027-01-15', '2027-01-08', '2027-01-18'),
    },
    progressReminders: [morning('2026-07-01')],
  };
}

function nextTimer(s: CycleSnapshot) {
  return Object.values(s.context.timers).sort((a, b) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : a.timerId < b.timerId ? -1 : 1,
  )[0];
}

/** The events tried in each state: the next timer, every submission, progress, rating, dissolution. */
function eventsFor(s: CycleSnapshot): CycleEvent[] {
  const at = s.context.lastEventAt;
  const events: CycleEvent[] = [];
  const t = nextTimer(s);
  if (t !== undefined) events.push({ type: 'TIMER_FIRED', timerId: t.timerId, at: t.at });
  for (const obligation of SUBMITTABLE_OBLIGATIONS) {
    for (const side of ['sponsor', 'recipient'] as const) {
      events.push({
        type: 'SUBMIT',
        obligation,
        side,
        at,
        submissionId: `s-${obligation}-${side}`,
        actor: 'u1',
        data: {},
      });
    }
  }
  events.push({ type: 'PROGRESS', at, entryId: 'e1', actor: 'u1', data: {} });
  events.push({ type: 'RATE', at, actor: 'admin', sponsorRating: 'GOOD', recipientRating: 'FAIR' });
  events.push({ type: 'WAIVE', obligation: 'O7', at, reason: 'r', actor: 'admin' });
  if (phaseOf(s) === 'agreement') events.push({ type: 'DISSOLVE', at, reason: 'merger', actor: 'admin' });
  return events;
}

function serialize(s: CycleSnapshot): string {
  const c = s.context;
  return JSON.stringify([
    phaseOf(s),
    OBLIGATION_IDS.map((id) => c.obligations[id].status + Object.keys(c.obligations[id].signedBy).join('')),
    c.progressCount > 0,
    Object.keys(c.timers).sort(),
  ]);
}

describe('cycle statechart, every reachable state', () => {
  const input = smallInput();
  const paths = getShortestPaths(cycleMachine, {
    input,
    events: eventsFor,
    serializeState: (s) => serialize(s),
  });

  test('the walk reaches every phase and every obligation status that the rules allow', () => {
    const phases = new Set(paths.map((p) => phaseOf(p.state)));
    expect([...phases].sort()).toEqual(
      ['agreement', 'closed', 'evaluation', 'implementation', 'needsProposal', 'yearEndReporting'].sort(),
    );
    const statuses = new Set(
      paths.flatMap((p) => OBLIGATION_IDS.map((id) => `${id}:${p.state.context.obligations[id].status}`)),
    );
    for (const id of ['O1', 'O2', 'O3', 'O5', 'O6'] as const) {
      for (const st of ['pending', 'submitted', 'late', 'missed']) expect(statuses).toContain(`${id}:${st}`);
    }
    expect(statuses).toContain('O7:waived');
    expect(statuses).toContain('O7:late');
    expect(paths.length).toBeGreaterThan(200);
  });

  // Every prefix of a shortest path is itself a shortest path, so checking the last step of every path checks
  // every edge of the traversal tree once; the workflow's timer map before the step is the machine's (checked
  // equal after every step by the same induction).
  test('every edge keeps the invariants, and the actions agree with the pending timers', () => {
    for (const path of paths) {
      if (path.steps.length < 2) continue;
      const before = path.steps[path.steps.length - 2]!.state;
      const event = path.steps[path.steps.length - 1]!.event as CycleEvent;
      const [s, raw] = transition(cycleMachine, before, event);
      const actions = cycleActions(raw);
      const timers = new Map(Object.entries(before.context.timers));
      if (event.type === 'TIMER_FIRED') timers.delete(event.timerId);
      for (const a of actions) {
        if (a.type === 'scheduleTimer') {
          expect(a.params.at > event.at).toBe(true);
          expect(timers.has(a.params.timerId)).toBe(false);
          timers.set(a.params.timerId, a.params);
        } else if (a.type === 'cancelTimer') {
          expect(timers.delete(a.params.timerId)).toBe(true);
        } else if (a.type === 'notify') {
          expect(a.params.idempotencyKey.startsWith(`${input.workflowId}:${a.params.obligation}:`)).toBe(
            true,
          );
        }
      }
      const phase = phaseOf(s);
      // Phases never go back.
      expect(phaseIndex(phase)).toBeGreaterThanOrEqual(phaseIndex(phaseOf(before)));
      // The workflow's timer map equals the machine's pending timers.
      expect([...timers.keys()].sort()).toEqual(Object.keys(s.context.timers).sort());
      // A refused event changes nothing and asks for nothing.
      if (actions.length === 0) expect(s.context).toEqual(before.context);
      if (phase !== 'closed') {
        // No owed obligation is left without its deadline timer: the year never stalls.
        for (const id of OBLIGATION_IDS) {
          if (s.context.obligations[id].status === 'pending') {
            expect(
              Object.values(s.context.timers).some((t) => t.obligation === id && t.purpose === 'deadline'),
            ).toBe(true);
          }
        }
      } else {
        expect(s.context.timers).toEqual({});
        expect(s.status).toBe('done');
      }
      // Every miss is recorded.
      for (const id of OBLIGATION_IDS) {
        if (
          before.context.obligations[id].status === 'pending' &&
          s.context.obligations[id].status === 'missed'
        ) {
          expect(actions).toContainEqual({
            type: 'record',
            params: { entry: expect.objectContaining({ kind: 'missed', obligation: id }) },
          });
        }
      }
      // The snapshot survives the JSON round trip with the same projection, and the same next transition.
      const restored = restoreCycle(
        JSON.parse(JSON.stringify(persistCycle(s))) as ReturnType<typeof persistCycle>,
      );
      expect(projectCycle(restored)).toEqual(projectCycle(s));
    }
  });

  test('the longest paths replay through the workflow driver with unique notification keys', () => {
    const longest = [...paths].sort((a, b) => b.steps.length - a.steps.length).slice(0, 25);
    for (const path of longest) {
      const d = new Driver(input);
      for (const step of path.steps.slice(1)) {
        const event = step.event as CycleEvent;
        if (event.type === 'TIMER_FIRED') d.timers.delete(event.timerId);
        d.send(event); // throws on a past timer, a double schedule, an unknown cancel, a duplicate key
      }
      expect(projectCycle(d.snapshot)).toEqual(projectCycle(path.state));
    }
  });

  test('from every reachable state, timers alone reach evaluation (or closed) and a rating then closes the cycle', () => {
    for (const path of paths) {
      let s = path.state;
      for (
        let t = nextTimer(s);
        t !== undefined && phaseOf(s) !== 'evaluation' && phaseOf(s) !== 'closed';
        t = nextTimer(s)
      ) {
        s = transition(cycleMachine, s, { type: 'TIMER_FIRED', timerId: t.timerId, at: t.at })[0];
      }
      expect(['evaluation', 'closed']).toContain(phaseOf(s));
      if (phaseOf(s) === 'evaluation') {
        const [closed, actions] = transition(cycleMachine, s, {
          type: 'RATE',
          at: s.context.lastEventAt,
          actor: 'admin',
          sponsorRating: 'GOOD',
          recipientRating: 'GOOD',
        });
        expect(phaseOf(closed)).toBe('closed');
        expect(
          cycleActions(actions).some((a) => a.type === 'record' && a.params.entry.kind === 'rated'),
        ).toBe(true);
      }
    }
  });
});
