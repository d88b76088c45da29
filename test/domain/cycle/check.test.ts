/** The permission check used by the update validators and the statechart's guards. */
import {
  checkSubmissionAllowed,
  type CycleRefusal,
  type CycleRequest,
  type CycleView,
} from '../../../domain/cycle/check';
import { validatePayload, type PayloadKind } from '../../../domain/cycle/schemas';
import type { CyclePhase, ObligationStatus } from '../../../domain/cycle/types';
import { CYCLE_PHASES, OBLIGATION_IDS, SUBMITTABLE_OBLIGATIONS } from '../../../domain/cycle/types';
import { bilingual, catalogue, t, type MessageKey } from '../../../domain/messages';
import { PROGRESS_ENTRY } from './support';
import { resolveSettings, seedCalendarDays, WorkingCalendar, yearSchedule } from '../../../domain/calendar';
import { decideExtend, decidePairRating, decideProgress } from '../../../machines/cycle';
import { Driver, input2026 } from '../../machines/cycle-fixture';

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

/** The `{name}` placeholders of a template. */
function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

const STATUSES: readonly ObligationStatus[] = [
  'pending',
  'submitted',
  'late',
  'missed',
  'waived',
  'notApplicable',
];

/** Every refusal the check gives: each request in each phase, every obligation in each status, O3 signed or not. */
function everyRefusal(): CycleRefusal[] {
  const sides = ['sponsor', 'recipient'] as const;
  const requests: CycleRequest[] = [
    ...SUBMITTABLE_OBLIGATIONS.flatMap((obligation) =>
      sides.map((side) => ({ action: 'submit' as const, obligation, side })),
    ),
    { action: 'progress' },
    ...sides.map((side) => ({ action: 'progress' as const, side })),
    ...OBLIGATION_IDS.flatMap((obligation): CycleRequest[] => [
      {
        action: 'extend',
        obligation,
        at: '2026-03-05T01:00:00.000Z',
        newEndsAt: '2026-03-02T17:00:00.000Z',
        newDate: '2026-03-02',
      },
      { action: 'waive', obligation },
      { action: 'resend', obligation },
    ]),
    { action: 'dissolve' },
    { action: 'rate' },
    {
      action: 'endPeriod',
      lastDay: '2026-09-30',
      endsAt: '2026-09-30T17:00:00.000Z',
      currentEndsAt: '2026-06-30T17:00:00.000Z',
      currentLastDay: '2026-06-30',
    },
    ...sides.map((side) => ({ action: 'unitRated' as const, side, alreadyRated: [side] })),
  ];
  const refusals: CycleRefusal[] = [];
  for (const phase of CYCLE_PHASES) {
    for (const status of STATUSES) {
      for (const signed of [[], ['sponsor' as const]]) {
        const state = view(phase, Object.fromEntries(OBLIGATION_IDS.map((id) => [id, status])), signed);
        for (const request of requests) {
          const result = checkSubmissionAllowed(state, request);
          if (!result.ok) refusals.push(result.message);
        }
      }
    }
  }
  return refusals;
}

/** One bad payload per kind of problem the payload validation reports. */
const BAD_PAYLOADS: readonly [PayloadKind, unknown][] = [
  ['needsProposal', {}],
  ['needsProposal', { summary: 5 }],
  ['needsProposal', { summary: '' }],
  ['needsProposal', { summary: 'x'.repeat(5001) }],
  ['signature', { signedOn: '2026-02-30', signatoryName: 'A' }],
  ['progressEntry', { ...PROGRESS_ENTRY, households: -2 }],
  ['progressEntry', { ...PROGRESS_ENTRY, amountDong: 1.5 }],
  ['progressEntry', { ...PROGRESS_ENTRY, category: 'SPORTS' }],
  ['progressEntry', { ...PROGRESS_ENTRY, extra: 1 }],
  ['progressEntry', { ...PROGRESS_ENTRY, beneficiaries: Array.from({ length: 501 }, () => 'Hộ A') }],
  ['dissolve', { reason: 'Sáp nhập', successorPairCode: 'P 77' }],
  ['needsProposal', { summary: 'Nhu cầu\u0000' }],
  ['waive', { reason: 'Lý do \ud800' }],
];

function everyPayloadRefusal(): CycleRefusal[] {
  return BAD_PAYLOADS.map(([kind, payload]) => {
    const result = validatePayload(kind, payload);
    if (result.ok) throw new Error(`${kind} ${JSON.stringify(payload)} was accepted`);
    return result.message;
  });
}

/** The refusals only the request decisions of machines/cycle/requests.ts give (they need the cycle's state). */
function everyDecisionRefusal(): CycleRefusal[] {
  const settings = resolveSettings(2026, {});
  const calendar = WorkingCalendar.fromEntries([...seedCalendarDays(2026), ...seedCalendarDays(2027)]);
  const env = { settings, calendar, schedule: yearSchedule(2026, settings, calendar) };
  const opened = new Driver({ ...input2026(), communes: ['XA-1'] });
  const early = decideExtend(
    opened.snapshot,
    { actor: 'a', obligation: 'O2', newDate: '2026-02-01', reason: 'x' },
    '2026-01-10T01:00:00.000Z',
    env,
  );
  const inImplementation = new Driver({ ...input2026(), communes: ['XA-1'] });
  inImplementation.runUntil('2026-04-02T00:00:00.000Z');
  const commune = decideProgress(
    inImplementation.snapshot,
    { side: 'sponsor', actor: 'a', data: { ...PROGRESS_ENTRY, communeCode: 'XA-9' } },
    '2026-04-02T01:00:00.000Z',
    'u1',
  );
  return [early, commune, decidePairRating()].map((d) => {
    if (d.ok) throw new Error('accepted');
    return d.message;
  });
}

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
    const all = [...everyRefusal(), ...everyPayloadRefusal(), ...everyDecisionRefusal()];
    const given = [...new Map(all.map((m) => [JSON.stringify(m), m])).values()];
    // Every cycle message is reached by at least one request or payload, so none escapes the checks below.
    const cycleKeys = Object.keys(catalogue).filter((k) => k.startsWith('cycle.'));
    expect([...new Set(given.map((m) => m.key))].sort()).toEqual(cycleKeys.sort());
    for (const { key, params } of given) {
      const m = catalogue[key];
      expect(m.vi.length).toBeGreaterThan(0);
      expect(m.en.length).toBeGreaterThan(0);
      expect(m.vi).not.toEqual(m.en);
      for (const lang of ['vi', 'en'] as const) {
        const missing = placeholders(m[lang]).filter((name) => !Object.hasOwn(params, name));
        expect({ key, lang, missing }).toEqual({ key, lang, missing: [] });
        expect(`${key} (${lang}): ${t(key, params, lang)}`).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
