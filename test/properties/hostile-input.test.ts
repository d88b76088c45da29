/**
 * Hostile input, property-based (fast-check): whatever arrives — any JSON value, wrong types, huge or tiny
 * numbers, HTML and script in text — every validator and every request decision answers with an accepted value
 * or a clear refusal from the catalogue in both languages, and never throws. A refusal never leaves a `{name}`
 * placeholder unfilled. Pure: the workflow-level counterpart is test/workflows/hostile-updates.test.ts.
 */
import fc from 'fast-check';
import type { Message } from '../../domain/messages';
import { anyValue, expectClearMessage, hostileText } from '../support/hostile';
import { envelopeProblem } from '../../domain/cycle/requests';
import { payloadSchemas, validatePayload, type PayloadKind } from '../../domain/cycle/schemas';
import { validateRoster } from '../../domain/roster';
import {
  decideDissolve,
  decideEndPeriod,
  decideExtend,
  decideProgress,
  decideResend,
  decideSubmit,
  decideUnitRated,
  decideWaive,
  type Decision,
  type RequestEnv,
} from '../../machines/cycle';
import { decideRateUnit, decideUnitFactors } from '../../machines/unit-evaluation';
import { WorkingCalendar, resolveSettings, seedCalendarDays, yearSchedule } from '../../domain/calendar';
import { initialTransition, transition } from 'xstate';
import { unitEvaluationMachine } from '../../machines/unit-evaluation';
import { Driver } from '../machines/cycle-fixture';

const RUNS = { numRuns: 300 };

/** A payload of `kind` with its own keys, each given any value (so the field checks are reached). */
function shapedPayload(kind: PayloadKind): fc.Arbitrary<unknown> {
  const keys = Object.keys(payloadSchemas()[kind].shape);
  return fc.record(Object.fromEntries(keys.map((k) => [k, anyValue])), { requiredKeys: [] });
}

function expectDecision(decision: Decision): void {
  if (!decision.ok) {
    expect(['CycleRefusal', 'InvalidPayload']).toContain(decision.type);
    expectClearMessage(decision.message);
  }
}

describe('payload validators', () => {
  for (const kind of Object.keys(payloadSchemas()) as PayloadKind[]) {
    test(`${kind}: any value is accepted in canonical form or refused with a clear message`, () => {
      fc.assert(
        fc.property(fc.oneof(anyValue, shapedPayload(kind)), (payload) => {
          const result = validatePayload(kind, payload);
          if (result.ok) {
            // The canonical form is valid again and unchanged: the handler works on what the validator saw.
            expect(validatePayload(kind, result.value)).toEqual({ ok: true, value: result.value });
          } else expectClearMessage(result.message);
        }),
        RUNS,
      );
    });
  }
});

describe('text PostgreSQL cannot store', () => {
  it.each<[PayloadKind, Record<string, unknown>, string, string]>([
    ['yearEndReport', { summary: 'Tốt\u0000', assessment: 'Tốt' }, 'cycle.invalid.nul', 'summary'],
    ['waive', { reason: 'Lý do \ud800' }, 'cycle.invalid.surrogate', 'reason'],
    ['positiveFactors', { text: '\u0000' }, 'cycle.invalid.nul', 'text'],
    [
      'signature',
      { signedOn: '2026-03-01', signatoryName: 'Nguyễn \udc00A' },
      'cycle.invalid.surrogate',
      'signatoryName',
    ],
    [
      'progressEntry',
      {
        category: 'SOCIAL_SECURITY',
        households: 1,
        amountDong: 1,
        modelsBuilt: 0,
        modelsReplicated: 0,
        studyTours: 0,
        description: 'Hỗ trợ',
        beneficiaries: ['Hộ bà A', 'Hộ \u0000B'],
      },
      'cycle.invalid.nul',
      'beneficiaries.1',
    ],
  ])(
    '%s: a NUL or a lone surrogate is refused with its own message, naming the field',
    (kind, payload, key, field) => {
      const result = validatePayload(kind, payload);
      expect(result).toEqual({ ok: false, message: { key, params: { field } } });
      if (!result.ok) expectClearMessage(result.message);
    },
  );

  it('takes a whole surrogate pair (an emoji) as the text it is', () => {
    expect(validatePayload('waive', { reason: 'Lúa 🌾' })).toEqual({ ok: true, value: { reason: 'Lúa 🌾' } });
  });

  it('refuses a NUL in the actor of a request before its payload is read', () => {
    expect(
      envelopeProblem('submit', { obligation: 'O5', side: 'sponsor', actor: 'user\u0000', data: {} }),
    ).toEqual({ key: 'cycle.invalid.nul', params: { field: 'actor' } });
  });
});

describe('request decisions of the cycle', () => {
  const settings = resolveSettings(2026, {});
  const calendar = WorkingCalendar.fromEntries([...seedCalendarDays(2026), ...seedCalendarDays(2027)]);
  const env: RequestEnv = { settings, calendar, schedule: yearSchedule(2026, settings, calendar) };
  // States across the year: opened, after O1/O2 deadlines, in implementation, in evaluation, closed.
  const states = ['2026-01-02', '2026-03-05', '2026-05-01', '2026-12-20', '2027-02-10'].map((day) => {
    const d = new Driver();
    d.runUntil(`${day}T00:00:00.000Z`);
    return { snapshot: d.snapshot, at: `${day}T02:00:00.000Z` };
  });
  const state = fc.constantFrom(...states);
  const request = fc.oneof(
    anyValue,
    fc.record(
      {
        obligation: fc.oneof(fc.constantFrom('O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7', 'O9', ''), anyValue),
        side: fc.oneof(fc.constantFrom('sponsor', 'recipient', 'admin'), anyValue),
        actor: fc.oneof(fc.constantFrom('test:u', ''), anyValue),
        data: anyValue,
        newDate: fc.oneof(fc.constantFrom('2026-04-30', '2026-02-30', '1999-01-01', '2026-3-1'), anyValue),
        lastDay: fc.oneof(fc.constantFrom('2026-06-30', 'x'), anyValue),
        reason: hostileText,
        successorPairCode: fc.oneof(fc.constantFrom('P09', '../etc'), anyValue),
        decisionNumber: anyValue,
      },
      { requiredKeys: [] },
    ),
  );

  test('every decision answers an event or a clear refusal, never throws', () => {
    fc.assert(
      fc.property(state, request, ({ snapshot, at }, r) => {
        const anyRequest = r as never;
        for (const decision of [
          decideSubmit(snapshot, anyRequest, at, 'u1'),
          decideProgress(snapshot, anyRequest, at, 'u2'),
          decideExtend(snapshot, anyRequest, at, env),
          decideWaive(snapshot, anyRequest, at),
          decideResend(snapshot, anyRequest, at),
          decideDissolve(snapshot, anyRequest, at),
          decideEndPeriod(snapshot, anyRequest, at),
          decideUnitRated(snapshot, anyRequest, at),
        ]) {
          expectDecision(decision);
          // An accepted event is one the machine takes without throwing.
          if (decision.ok) expect(() => transition(snapshot.machine, snapshot, decision.event)).not.toThrow();
        }
      }),
      RUNS,
    );
  });

  test('a unit evaluation decides any rating request and any factors text without throwing', () => {
    const [opened] = initialTransition(unitEvaluationMachine, {
      workflowId: 'w',
      unitCode: 'SO-A',
      year: 2026,
      side: 'sponsor',
      openedAt: '2026-12-05T00:00:00.000Z',
    });
    fc.assert(
      fc.property(request, (r) => {
        for (const decision of [
          decideRateUnit(opened, r as never, '2026-12-06T00:00:00.000Z'),
          decideUnitFactors(opened, r as never, '2026-12-06T00:00:00.000Z'),
        ]) {
          if (!decision.ok) expectClearMessage(decision.message);
        }
      }),
      RUNS,
    );
  });
});

describe('roster format', () => {
  test('any rows give a valid roster or every problem named, never a throw', () => {
    const cell = fc.oneof(
      hostileText,
      fc.constantFrom(
        '',
        'DEPARTMENT',
        'COMMUNE',
        'MOUNTAIN_DISTRICT',
        '2020',
        '2020-01-01',
        '31/12/2030',
        'true',
        '12',
      ),
    );
    const row = fc.array(cell, { minLength: 0, maxLength: 9 });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), fc.array(row, { maxLength: 6 }), (units, pairs) => {
        const table = (file: string, header: string[], rows: string[][]) => ({
          file,
          header,
          rows: rows.map((cells, i) => ({
            row: i + 2,
            cells: Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])),
            width: cells.length,
          })),
        });
        const raw = {
          units: table('units.csv', ['code', 'name', 'kind', 'parent', 'border', 'staff', 'emails'], units),
          pairs: table('pairs.csv', ['code', 'sponsor', 'recipient', 'from', 'to'], pairs),
        };
        let result: ReturnType<typeof validateRoster>;
        try {
          result = validateRoster(raw);
        } catch (error) {
          throw new Error(`validateRoster threw on ${JSON.stringify(raw).slice(0, 300)}: ${String(error)}`);
        }
        if (!result.ok) {
          for (const e of result.errors) expectClearMessage({ key: e.key, params: e.params } as Message);
        }
      }),
      { numRuns: 150 },
    );
  });
});
