/**
 * Hostile bodies on every state-changing route of the JSON API, property-based (fast-check), on running cycles
 * (time-skipping Temporal server, in-process worker, real PostgreSQL): signed in as an administrator and as an
 * officer, with a valid CSRF token, each route gets bodies that are one of its valid bodies spoiled — a field of
 * the wrong type, a text over its limit, a field missing, an unknown field or a prototype key, a value nested
 * thousands deep — or no object at all, with its real URL parameters and hostile ones; and then raw payloads:
 * malformed JSON, other content types, an empty body, one over the size limit. Every answer is a 4xx with
 * `{ error: { code, message } }` of a known code and a catalogue message in the reader's language, and nothing
 * in the database changed. The pair's cycle is in implementation and the sponsor's evaluation runs, so the
 * bodies that get past the web server reach the workflows' own validators.
 */
import fc from 'fast-check';
import { PASSWORD_MAX_LENGTH } from '../../domain/accounts';
import { unitEvaluationWorkflowId } from '../../domain/workflow-ids';
import { CycleCommands } from '../../services/cycle-commands';
import { unitEvaluationWorkflow } from '../../workflows/unit-evaluation/workflow';
import { ROUTES, type RoutePolicy } from '../../web/routes/policy';
import { tableDigests } from '../support/db';
import { eventually } from '../support/eventually';
import { anyValue, catalogueKeysOf, expectClearText, hostileText } from '../support/hostile';
import { PASSWORD, type Agent } from '../support/web';
import { startWebCycleWorld, WEB_CYCLE_EMAILS, type WebCycleWorld } from '../support/web-cycle';

const ADMIN = WEB_CYCLE_EMAILS.admin;
/** The district's recipient officer: P01's recipient is one of its communes. */
const OFFICER = WEB_CYCLE_EMAILS.namGiang;

/** The codes an error may carry with each status (docs/web.md, "Errors"). */
const KNOWN_ERRORS: Readonly<Record<number, readonly string[]>> = {
  400: ['invalid_input', 'malformed_json'],
  401: ['unauthorized'],
  403: ['forbidden', 'csrf'],
  404: ['not_found'],
  409: ['conflict', 'refused'],
  413: ['payload_too_large'],
  415: ['unsupported_media_type'],
};

/** The routes under test: every state-changing route of the API but the Temporal UI's codec endpoint. */
const STATE_CHANGING: readonly RoutePolicy[] = ROUTES.filter(
  (r) =>
    r.kind === 'api' &&
    ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) &&
    !r.url.startsWith('/api/v1/codec/'),
);

// ---------------------------------------------------------------------------------------------------------------
// Values

/** Any JSON value that survives `JSON.stringify` as a value (no `undefined`). */
const jsonValue = anyValue.filter((v) => v !== undefined);

/** A value that is not a string. */
const notString = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(jsonValue, { maxLength: 3 }),
  fc.dictionary(fc.string(), jsonValue, { maxKeys: 3 }),
);

/** A value that is not an object (a record). */
const notRecord = fc.oneof(hostileText, fc.integer(), fc.boolean(), fc.constant(null), fc.array(jsonValue));

/**
 * Arrays nested `depth` deep: `JSON.parse` reads them, a recursive writer (`JSON.stringify`) overflows its
 * stack. Kept as a marker until the body is written ({@link jsonText}), since the test's own writer is one.
 */
class Deep {
  constructor(readonly depth: number) {}
  toJSON(): string {
    return `\u0000deep:${this.depth}\u0000`;
  }
  toString(): string {
    return `${'['.repeat(this.depth)}${']'.repeat(this.depth)}`;
  }
}

/** A body as JSON text, deep values written out. */
function jsonText(body: unknown): string {
  return JSON.stringify(body).replace(/"\\u0000deep:(\d+)\\u0000"/g, (_, depth: string) =>
    new Deep(Number(depth)).toString(),
  );
}
const deep = fc.integer({ min: 5_000, max: 20_000 }).map((depth) => new Deep(depth));

/** A text longer than `max` even once trimmed, with hostile text in it. */
function tooLong(max: number): fc.Arbitrary<string> {
  return hostileText.map((text) => `${'<b>ă'.repeat(Math.ceil((max + 1) / 4))}${text}`);
}

/** A text no enum of the product holds. */
const notAChoice = hostileText.map((text) => `≠${text}`);

/** An object with one own property, whatever its name (`__proto__` included, as `JSON.parse` makes it). */
function withKey(key: string, value: unknown): Record<string, unknown> {
  return Object.fromEntries([[key, value]]) as Record<string, unknown>;
}

/** A field the route does not take: any name (prototype keys too) with any value. */
function unknownField(known: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const name = fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'actor', 'side', 'toString', 'hasOwnProperty'),
    fc.string({ minLength: 1, maxLength: 12 }),
  );
  return fc
    .tuple(
      name.filter((n) => !known.includes(n)),
      jsonValue,
    )
    .map(([n, v]) => withKey(n, v));
}

/** The patch that removes a field (`JSON.stringify` leaves out `undefined`). */
const missing = (field: string) => fc.constant(withKey(field, undefined));

// ---------------------------------------------------------------------------------------------------------------
// The routes' bodies

/** How to send hostile bodies to one route. */
interface RouteSpec {
  /** The URL's parameters: the world's real ones, or hostile ones (refused whatever the body). */
  readonly params: fc.Arbitrary<Readonly<Record<string, string>>>;
  /**
   * A well-formed body of the route with this world's values, which the route would act on where the world allows
   * it (undefined: the route takes no body); each hostile body is one of these spoiled.
   */
  readonly valid?: Readonly<Record<string, unknown>>;
  /** Patches any one of which makes a body refused, whatever the other fields hold (with `valid`). */
  readonly violations?: fc.Arbitrary<Record<string, unknown>>;
  /** Bodies the property once found refused wrongly, tried first on every run (with the real parameters). */
  readonly examples?: readonly unknown[];
}

const REAL_YEAR = '2026';
const hostileCode = fc.constantFrom(
  'P99',
  'p01',
  'P01 ',
  '<script>alert(1)</script>',
  '../P01',
  "P01' OR '1'='1",
  'x'.repeat(65),
  '%',
  '\u0000',
  'P01\u202e',
);
const hostileYear = fc.constantFrom('1999', '2101', 'abc', '2026.5', '-2026', '1e3', '20260', ' ', '0x7EA');

/** Real parameters three times out of four, else hostile ones. */
function pairParams(code: string): fc.Arbitrary<Record<string, string>> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant({ code, year: REAL_YEAR }) },
    {
      weight: 1,
      arbitrary: fc.record({ code: fc.oneof(fc.constant(code), hostileCode), year: hostileYear }),
    },
    { weight: 1, arbitrary: fc.record({ code: hostileCode, year: fc.constant(REAL_YEAR) }) },
  );
}

const noParams = fc.constant({});

/** Stand-ins for user IDs in parameters: the signed-in user's own, and the other user's of the world. */
const SELF = '<self>';
const OTHER_USER = '<other>';

/** The violations of a text field: the wrong type, over `max`, and blank when `required`. */
function textViolations(
  field: string,
  max: number,
  required: boolean,
): fc.Arbitrary<Record<string, unknown>>[] {
  return [
    notString.map((v) => withKey(field, v)),
    tooLong(max).map((v) => withKey(field, v)),
    deep.map((v) => withKey(field, v)),
    ...(required ? [missing(field), fc.constantFrom('', '   ', '\n\t').map((v) => withKey(field, v))] : []),
  ];
}

/** The violations of a field that holds one of a list. */
function choiceViolations(field: string): fc.Arbitrary<Record<string, unknown>>[] {
  return [
    notString.map((v) => withKey(field, v)),
    notAChoice.map((v) => withKey(field, v)),
    deep.map((v) => withKey(field, v)),
    missing(field),
  ];
}

/** The violations of a yyyy-mm-dd field. */
function dateViolations(field: string): fc.Arbitrary<Record<string, unknown>>[] {
  return [
    notString.map((v) => withKey(field, v)),
    fc
      .constantFrom('2026-02-30', '2026-13-01', '30/02/2026', '', 'ngày mai', '2026-05-05T00:00')
      .map((v) => withKey(field, v)),
    missing(field),
  ];
}

/** The violations of a pair code (`successorPairCode`): the wrong type, a character no code has, too long. */
function codeViolations(field: string): fc.Arbitrary<Record<string, unknown>>[] {
  return [
    notString.map((v) => withKey(field, v)),
    hostileText.map((v) => withKey(field, `<${v}>`)),
    fc.constant(withKey(field, 'P'.repeat(65))),
  ];
}

/** A submission's `data`: no object, missing, or spoiled inside (an unknown field, a list of no texts, nested deep). */
function dataViolations(valid: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>>[] {
  const keys = Object.keys(valid);
  return [
    notRecord.map((v) => ({ data: v })),
    missing('data'),
    unknownField(keys).map((extra) => ({ data: { ...valid, ...extra } })),
    fc
      .tuple(fc.constantFrom(...keys), fc.oneof(deep, fc.array(notString, { minLength: 1, maxLength: 3 })))
      .map(([k, v]) => ({ data: { ...valid, ...withKey(k, v) } })),
  ];
}

const violations = (...all: fc.Arbitrary<Record<string, unknown>>[][]) => fc.oneof(...all.flat());

const REPORT = { summary: 'Báo cáo kết quả năm 2026', assessment: 'Sở hỗ trợ kịp thời' };
const ENTRY = {
  category: 'SOCIAL_SECURITY',
  households: 3,
  amountDong: '50000000',
  modelsBuilt: 1,
  modelsReplicated: 0,
  studyTours: 1,
  description: 'Hỗ trợ bò giống cho hộ nghèo',
  beneficiaries: ['Hộ bà Hồ Thị Mai'],
};

/** The recipient's O6 report on P01 and the ways to spoil it, as JSON and as a form with its document. */
const SUBMISSION = {
  valid: { obligation: 'O6', data: REPORT },
  violations: violations(choiceViolations('obligation'), dataViolations(REPORT)),
};

/** The hostile bodies of each route, by method and URL pattern. */
const SPECS: Readonly<Record<string, RouteSpec>> = {
  'POST /api/v1/session': {
    params: noParams,
    valid: { email: ADMIN, password: PASSWORD },
    violations: violations(
      textViolations('email', 254, true),
      textViolations('password', PASSWORD_MAX_LENGTH, true).slice(0, 4),
      [unknownField(['email', 'password'])],
    ),
  },
  // Routes that take no body: any body is one they would not read.
  'DELETE /api/v1/session': { params: noParams },
  'POST /api/v1/users': {
    params: noParams,
    valid: { email: 'moi@example.gov.vn', name: 'Người mới', role: 'LEADERSHIP' },
    violations: violations(
      textViolations('email', 254, true),
      textViolations('name', 200, true),
      choiceViolations('role'),
      [notString.map((v) => ({ unitCode: v })), tooLong(64).map((v) => ({ unitCode: v }))],
      [unknownField(['email', 'name', 'role', 'unitCode'])],
    ),
  },
  'POST /api/v1/users/:id/disable': {
    params: fc.oneof(
      { weight: 3, arbitrary: fc.constant({ id: OTHER_USER }) },
      { weight: 1, arbitrary: fc.constant({ id: SELF }) },
      {
        weight: 1,
        arbitrary: fc.record({ id: fc.constantFrom('x'.repeat(101), 'nobody', '<script>', ' ') }),
      },
    ),
  },
  'POST /api/v1/pairs/:code/:year/submissions': {
    params: pairParams('P01'),
    ...SUBMISSION,
    violations: fc.oneof(SUBMISSION.violations, unknownField(['obligation', 'data'])),
    examples: [{ obligation: 'O6', data: { ...REPORT, constructor: null } }],
  },
  'POST /api/v1/pairs/:code/:year/progress': {
    params: pairParams('P01'),
    valid: { data: ENTRY },
    // A `constructor` key made zod's record check throw: a 500 instead of a refusal.
    examples: [{ data: { ...ENTRY, constructor: null } }],
    violations: violations(
      dataViolations(ENTRY),
      [
        // Negative, fractional, beyond 10^15 đồng, grouped as a form would take but JSON does not.
        fc
          .constantFrom(-1, 2.5, 1e300, 1e15 + 1, '1000000000000001', '-100', '1,5', '200.000.000')
          .map((v) => ({
            data: { ...ENTRY, amountDong: v },
          })),
        fc.constantFrom(-1, 2.5, '3', 2 ** 53).map((v) => ({ data: { ...ENTRY, households: v } })),
        tooLong(5000).map((v) => ({ data: { ...ENTRY, description: v } })),
      ],
      [unknownField(['data'])],
    ),
  },
  'POST /api/v1/pairs/:code/:year/attachments': {
    params: pairParams('P01'),
    // A JSON body cannot carry the document: every one is refused (the multipart bodies are below).
    ...SUBMISSION,
    violations: fc.oneof(SUBMISSION.violations, unknownField(['obligation', 'data'])),
  },
  'POST /api/v1/pairs/:code/:year/extensions': {
    params: pairParams('P01'),
    valid: { obligation: 'O6', newDate: '2026-12-31', reason: 'Gia hạn theo đề nghị của xã' },
    violations: violations(
      choiceViolations('obligation'),
      dateViolations('newDate'),
      textViolations('reason', 2000, true),
      textViolations('decisionNumber', 200, false),
      [fc.constantFrom('', ' ').map((v) => ({ decisionNumber: v }))],
      [unknownField(['obligation', 'newDate', 'reason', 'decisionNumber'])],
    ),
  },
  'POST /api/v1/pairs/:code/:year/waivers': {
    params: pairParams('P01'),
    valid: { obligation: 'O6', reason: 'Miễn theo quyết định của tỉnh' },
    violations: violations(choiceViolations('obligation'), textViolations('reason', 2000, true), [
      unknownField(['obligation', 'reason']),
    ]),
  },
  'POST /api/v1/pairs/:code/:year/reminders': {
    params: pairParams('P01'),
    valid: { obligation: 'O6' },
    violations: violations(choiceViolations('obligation'), [unknownField(['obligation'])]),
  },
  'POST /api/v1/pairs/:code/:year/dissolution': {
    params: pairParams('P01'),
    valid: { reason: 'Giải thể theo quyết định của tỉnh' },
    violations: violations(textViolations('reason', 2000, true), codeViolations('successorPairCode'), [
      unknownField(['reason', 'successorPairCode']),
    ]),
  },
  'POST /api/v1/pairs/:code/:year/period-end': {
    params: pairParams('P01'),
    valid: { lastDay: '2026-06-30', reason: 'Sáp nhập đơn vị hành chính' },
    violations: violations(
      dateViolations('lastDay'),
      textViolations('reason', 2000, true),
      codeViolations('successorPairCode'),
      textViolations('decisionNumber', 200, false),
      [unknownField(['lastDay', 'reason', 'successorPairCode', 'decisionNumber'])],
    ),
  },
  'POST /api/v1/units/:code/:year/positive-factors': {
    params: pairParams('QN-SNN'),
    valid: { text: 'Đơn vị chủ động, hỗ trợ vượt kế hoạch' },
    violations: violations(
      [
        notString.map((v) => ({ text: v })),
        tooLong(2000).map((v) => ({ text: v })),
        deep.map((v) => ({ text: v })),
      ],
      [missing('text')],
      [unknownField(['text'])],
    ),
  },
  'POST /api/v1/units/:code/:year/rating': {
    params: pairParams('QN-SNN'),
    valid: { rating: 'TOT', reason: 'Hoàn thành tốt nhiệm vụ' },
    violations: violations(
      textViolations('rating', 200, true),
      textViolations('reason', 2000, false),
      textViolations('decisionNumber', 200, false),
      [unknownField(['rating', 'reason', 'decisionNumber'])],
    ),
  },
  'POST /api/v1/units/:code/mergers': {
    params: fc.oneof(
      { weight: 3, arbitrary: fc.constant({ code: 'H-NAM-GIANG' }) },
      { weight: 1, arbitrary: fc.record({ code: hostileCode }) },
    ),
    valid: { from: ['XA-DAC-PRE'], on: '2026-07-01', reason: 'Sáp nhập xã', decisionNumber: '12/NQ-HĐND' },
    violations: violations(
      [
        fc
          .oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(fc.string(), jsonValue))
          .map((v) => ({ from: v })),
        fc.array(notString, { minLength: 1, maxLength: 3 }).map((v) => ({ from: ['XA-DAC-PRE', ...v] })),
        fc.constant({ from: Array.from({ length: 101 }, (_, i) => `XA-${i}`) }),
        fc.constant({ from: ['X'.repeat(65)] }),
        missing('from'),
        deep.map((v) => ({ from: v })),
      ],
      [notString.map((v) => ({ on: v })), missing('on')],
      [notString.map((v) => ({ reason: v })), tooLong(2000).map((v) => ({ reason: v }))],
      [notString.map((v) => ({ decisionNumber: v })), tooLong(200).map((v) => ({ decisionNumber: v }))],
      [unknownField(['from', 'on', 'reason', 'decisionNumber'])],
    ),
  },
  'POST /api/v1/roster/dry-run': {
    params: noParams,
    // A JSON body cannot carry the roster file: every one is refused (the multipart bodies are below).
    valid: { year: '2026' },
    violations: violations(
      [notString.map((v) => ({ year: v }))],
      [unknownField(['year'])],
      [deep.map((v) => ({ roster: v }))],
    ),
  },
  'POST /api/v1/roster/apply': {
    params: noParams,
    valid: { upload: 'an-upload-id', sha256: 'a'.repeat(64) },
    violations: violations(
      [notString.map((v) => ({ upload: v })), tooLong(100).map((v) => ({ upload: v })), missing('upload')],
      [notString.map((v) => ({ sha256: v })), tooLong(100).map((v) => ({ sha256: v })), missing('sha256')],
      [unknownField(['upload', 'sha256'])],
    ),
  },
  'POST /api/v1/calendar/:year/preview': {
    params: fc.oneof(
      { weight: 3, arbitrary: fc.constant({ year: REAL_YEAR }) },
      { weight: 1, arbitrary: fc.record({ year: hostileYear }) },
    ),
    valid: { action: 'add', date: '2026-05-05', name: 'Ngày nghỉ bù', kind: 'HOLIDAY' },
    violations: violations(
      choiceViolations('action'),
      dateViolations('date'),
      [notString.map((v) => ({ name: v })), tooLong(1000).map((v) => ({ name: v }))],
      [notString.map((v) => ({ kind: v })), notAChoice.map((v) => ({ kind: v }))],
      [unknownField(['action', 'date', 'newDate', 'name', 'kind'])],
    ),
  },
  'POST /api/v1/calendar/:year/changes': {
    params: fc.oneof(
      { weight: 3, arbitrary: fc.constant({ year: REAL_YEAR }) },
      { weight: 1, arbitrary: fc.record({ year: hostileYear }) },
    ),
    valid: { action: 'add', date: '2026-05-05', name: 'Ngày nghỉ bù', kind: 'HOLIDAY', basis: 'x' },
    violations: violations(
      choiceViolations('action'),
      dateViolations('date'),
      [notString.map((v) => ({ basis: v })), tooLong(100).map((v) => ({ basis: v })), missing('basis')],
      [unknownField(['action', 'date', 'newDate', 'name', 'kind', 'basis'])],
    ),
  },
};

/** The bodies of a route: one of its valid bodies (or one with hostile values) spoiled by a violation, or none. */
function bodiesOf(spec: RouteSpec): fc.Arbitrary<unknown> {
  const { valid, violations: spoil } = spec;
  if (valid === undefined || spoil === undefined) return jsonValue;
  const keys = Object.keys(valid);
  const base = fc.oneof(
    { weight: 2, arbitrary: fc.constant(valid) },
    {
      weight: 1,
      arbitrary: fc.record(
        Object.fromEntries(keys.map((k) => [k, fc.oneof(fc.constant(valid[k]), jsonValue)])),
        {
          requiredKeys: [],
        },
      ),
    },
  );
  return fc.oneof(
    { weight: 5, arbitrary: fc.tuple(base, spoil).map(([b, v]) => ({ ...b, ...v })) },
    { weight: 1, arbitrary: notRecord },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The world

interface Caller {
  readonly agent: Agent;
  readonly token: string;
  readonly userId: string;
}

let web: WebCycleWorld;
const callers: Partial<Record<'admin' | 'officer', Caller>> = {};

/** The main tables of the product, whose rows are compared before and after every request. */
const TABLES = [
  'Submission',
  'ProgressEntry',
  'AuditEvent',
  'Notification',
  'User',
  'UserToken',
  'Unit',
  'UnitStaff',
  'Contact',
  'Pair',
  'PairHistory',
  'Attachment',
  'CalendarDay',
  'YearSettings',
  'Cycle',
  'CycleObligation',
  'UnitEvaluation',
  'RosterUpload',
] as const;

/** Each table's row count and the MD5 of all its rows. */
function tables(): Promise<Record<string, string>> {
  return tableDigests(web.world.db.prisma, TABLES);
}

const EMAIL_OF = { admin: ADMIN, officer: OFFICER } as const;

/** Signs the caller in (again), with a new CSRF token. */
async function signIn(who: 'admin' | 'officer'): Promise<void> {
  const agent = await web.signedIn(EMAIL_OF[who]);
  callers[who] = { agent, token: await agent.csrf(), userId: await web.userId(EMAIL_OF[who]) };
}

/** The signed-in user's e-mail, or undefined when the caller's session is gone. */
async function signedInAs(who: 'admin' | 'officer'): Promise<string | undefined> {
  const session = await callers[who]!.agent.get('/api/v1/session');
  return session.json<{ user: { email: string } | null }>().user?.email;
}

beforeAll(async () => {
  web = await startWebCycleWorld('hostile-bodies', {
    users: [
      { email: ADMIN, role: 'ADMIN' },
      { email: OFFICER, role: 'RECIPIENT_OFFICER', unit: 'H-NAM-GIANG' },
    ],
  });
  const { env, taskQueue, db } = web.world;
  await web.startCycle('P01', 'QN-SNN', 'XA-LA-DEE');
  // P01 in implementation: its progress, its reports and the administrator's actions are all open.
  const commands = new CycleCommands(env.client, db.prisma);
  const submit = async (obligation: 'O1' | 'O2' | 'O3', side: 'sponsor' | 'recipient', data: object) => {
    const result = await commands.submit('P01', 2026, {
      obligation,
      side,
      actor: `test:${side}`,
      data: { ...data },
    });
    if (!result.ok) throw new Error(result.refusal.text);
    return result.value.phase;
  };
  await submit('O1', 'recipient', { summary: 'Kế hoạch', monitoringAssignment: 'Tổ công tác' });
  await submit('O2', 'recipient', { summary: 'Đề xuất' });
  const signature = { signedOn: '2026-01-09', signatoryName: 'Nguyễn Văn A' };
  await submit('O3', 'sponsor', signature);
  expect(await submit('O3', 'recipient', signature)).toBe('implementation');
  // The sponsor's evaluation, waiting for its cycle: its Updates' validators judge the unit routes' bodies.
  await env.client.workflow.start(unitEvaluationWorkflow, {
    workflowId: unitEvaluationWorkflowId('QN-SNN', 2026),
    taskQueue,
    args: [{ unitCode: 'QN-SNN', year: 2026, side: 'sponsor' }],
  });
  const evaluation = await eventually(
    () => commands.unitStatus('QN-SNN', 2026),
    (r) => r.ok,
  );
  expect(evaluation).toMatchObject({ ok: true, value: { phase: 'waiting' } });
  for (const who of ['admin', 'officer'] as const) await signIn(who);
  // Whatever the cycle and the evaluation still write (mail, read model) is written before the first request.
  let before = await tables();
  for (let quiet = 0; quiet < 3; ) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await tables();
    quiet = JSON.stringify(now) === JSON.stringify(before) ? quiet + 1 : 0;
    before = now;
  }
}, 180_000);

afterAll(async () => {
  await web?.close();
});

// ---------------------------------------------------------------------------------------------------------------
// Requests and answers

/** A request's body as sent: a content type (none: no header) and the bytes. */
interface Payload {
  readonly contentType?: string;
  readonly payload?: string | Buffer;
}

const json = (body: unknown): Payload =>
  body === undefined ? {} : { contentType: 'application/json', payload: jsonText(body) };

/** The URL of a route with its parameters (the user stand-ins replaced), in a language. */
function urlOf(
  route: RoutePolicy,
  params: Readonly<Record<string, string>>,
  caller: Caller,
  lang: string,
): string {
  const other = caller === callers.admin ? callers.officer : callers.admin;
  const path = route.url.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name] ?? '';
    return encodeURIComponent(
      value === SELF ? caller.userId : value === OTHER_USER ? (other?.userId ?? '') : value,
    );
  });
  return `${path}?lang=${lang}`;
}

function send(caller: Caller, route: RoutePolicy, url: string, body: Payload) {
  return caller.agent.request({
    method: route.method as 'POST' | 'DELETE',
    url,
    headers: {
      'x-csrf-token': caller.token,
      ...(body.contentType !== undefined ? { 'content-type': body.contentType } : {}),
    },
    ...(body.payload !== undefined ? { payload: body.payload } : {}),
  });
}

interface ErrorAnswer {
  readonly error: { readonly code: string; readonly message: string };
  readonly problems?: readonly { readonly key: string; readonly message: string }[];
}

/** The answer is a refusal: a known 4xx, `{ error: { code, message } }`, a clear message in `lang`. */
function expectRefusal(
  response: { statusCode: number; body: string; headers: Record<string, unknown> },
  lang: 'vi' | 'en',
) {
  const status = response.statusCode;
  const seen = { status, body: response.body.slice(0, 400) };
  expect({ ...seen, refusal: status in KNOWN_ERRORS }).toEqual({ ...seen, refusal: true });
  expect(String(response.headers['content-type'])).toMatch(/^application\/json/);
  const answer = JSON.parse(response.body) as ErrorAnswer;
  expect(Object.keys(answer.error).sort()).toEqual(['code', 'message']);
  expect(KNOWN_ERRORS[status]).toContain(answer.error.code);
  if (answer.problems === undefined) {
    expect(Object.keys(answer)).toEqual(['error']);
    expectClearText(answer.error.message, lang);
    return;
  }
  // A refused roster or calendar change lists every problem with its own message (key and text).
  expect(answer.problems.length).toBeGreaterThan(0);
  for (const problem of answer.problems) {
    expectClearText(problem.message, lang);
    expect(catalogueKeysOf(problem.message, lang)).toContain(problem.key);
  }
  const joined = answer.problems.map((p) => p.message).join(' ');
  if (answer.error.message !== joined) expectClearText(answer.error.message, lang);
}

/** The world's real parameters of a route: P01 of 2026, the sponsor QN-SNN, the district, the other user. */
function realParams(route: RoutePolicy): Record<string, string> {
  const code = route.url.startsWith('/api/v1/units/')
    ? route.url.endsWith('/mergers')
      ? 'H-NAM-GIANG'
      : 'QN-SNN'
    : 'P01';
  return { code, year: REAL_YEAR, id: OTHER_USER };
}

const key = (route: RoutePolicy) => `${route.method} ${route.url}`;
const specOf = (route: RoutePolicy): RouteSpec => {
  const spec = SPECS[key(route)];
  if (!spec) throw new Error(`no hostile bodies for ${key(route)}`);
  return spec;
};

/** Sends one body and checks the refusal and that nothing was written. */
async function refusedAndUnchanged(
  who: 'admin' | 'officer',
  route: RoutePolicy,
  params: Readonly<Record<string, string>>,
  body: Payload,
  lang: 'vi' | 'en',
  before: Record<string, string>,
): Promise<void> {
  const caller = callers[who]!;
  const response = await send(caller, route, urlOf(route, params, caller, lang), body);
  // The caller is signed in: a 401 would mean the request ended its session.
  expect(response.statusCode).not.toBe(401);
  expectRefusal(response, lang);
  expect(await tables()).toEqual(before);
}

/** The raw payloads every route is sent: broken JSON, other content types, nothing, too much. */
function rawPayloads(spec: RouteSpec): readonly [string, Payload][] {
  const valid = spec.valid ?? { a: 1 };
  const text = JSON.stringify(valid);
  const fields = Object.fromEntries(
    Object.entries(valid).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  );
  const form = new URLSearchParams({ ...fields, colour: 'đỏ' }).toString();
  return [
    ['JSON cut short', { contentType: 'application/json', payload: text.slice(0, -1) }],
    ['JSON in single quotes', { contentType: 'application/json', payload: text.replace(/"/g, "'") }],
    ['JSON with a trailing comma', { contentType: 'application/json', payload: text.replace(/}$/, ',}') }],
    [
      'a __proto__ key',
      { contentType: 'application/json', payload: `{"__proto__":{"isAdmin":true},${text.slice(1)}` },
    ],
    [
      'a constructor.prototype key',
      {
        contentType: 'application/json',
        payload: `{"constructor":{"prototype":{"isAdmin":true}},${text.slice(1)}`,
      },
    ],
    ['an empty JSON body', { contentType: 'application/json', payload: '' }],
    ['JSON null', { contentType: 'application/json', payload: 'null' }],
    // A route that takes no body does its work without one.
    ...(spec.valid === undefined ? [] : [['no body at all', {}] as [string, Payload]]),
    ['JSON sent as text/plain', { contentType: 'text/plain', payload: text }],
    ['XML', { contentType: 'application/xml', payload: '<body><script>alert(1)</script></body>' }],
    ['bytes', { contentType: 'application/octet-stream', payload: Buffer.from([0, 1, 2, 0xff]) }],
    [
      'JSON in UTF-16',
      { contentType: 'application/json; charset=utf-16le', payload: Buffer.from(text, 'utf16le') },
    ],
    [
      'a form with a field the route does not take',
      { contentType: 'application/x-www-form-urlencoded', payload: form },
    ],
    [
      'a body over the 1 MB limit',
      {
        contentType: 'application/json',
        payload: JSON.stringify({ ...valid, padding: 'x'.repeat(1024 * 1024) }),
      },
    ],
    [
      'objects nested 100 000 deep',
      { contentType: 'application/json', payload: `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}` },
    ],
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// The properties

it('every state-changing route of the API has its hostile bodies here', () => {
  expect(STATE_CHANGING.map(key).sort()).toEqual(Object.keys(SPECS).sort());
});

const RUNS = 20;
const lang = fc.constantFrom<'vi' | 'en'>('vi', 'en');

describe.each(['admin', 'officer'] as const)('signed in as the %s', (who) => {
  beforeEach(async () => {
    // Each test starts signed in, whatever an earlier one did to the session.
    if ((await signedInAs(who)) !== EMAIL_OF[who]) await signIn(who);
  });
  afterEach(async () => {
    // Still signed in: no hostile body ended the session.
    expect(await signedInAs(who)).toBe(EMAIL_OF[who]);
  });

  it.each(STATE_CHANGING.map(key))('%s: generated bodies are refused and change nothing', async (name) => {
    const route = STATE_CHANGING.find((r) => key(r) === name)!;
    const spec = specOf(route);
    const before = await tables();
    await fc.assert(
      fc.asyncProperty(spec.params, bodiesOf(spec), lang, (params, body, l) =>
        refusedAndUnchanged(who, route, params, json(body), l, before),
      ),
      {
        numRuns: RUNS,
        examples: (spec.examples ?? []).map((body): [Record<string, string>, unknown, 'vi' | 'en'] => [
          realParams(route),
          body,
          'vi',
        ]),
      },
    );
  });

  it.each(STATE_CHANGING.map(key))('%s: raw payloads are refused and change nothing', async (name) => {
    const route = STATE_CHANGING.find((r) => key(r) === name)!;
    const spec = specOf(route);
    const before = await tables();
    const params = realParams(route);
    for (const [what, payload] of rawPayloads(spec)) {
      for (const l of ['vi', 'en'] as const) {
        try {
          await refusedAndUnchanged(who, route, params, payload, l, before);
        } catch (error) {
          throw new Error(`${what} (${l}): ${(error as Error).message}`);
        }
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Forms with files: a submission's document and a roster upload, as multipart bodies

/** A file of a multipart body. */
interface FilePart {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

/** A multipart body of text fields and files. */
async function multipart(
  fields: Readonly<Record<string, string>>,
  files: Readonly<Record<string, FilePart>>,
): Promise<Payload> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const [name, file] of Object.entries(files))
    form.append(name, new Blob([new Uint8Array(file.content)], { type: file.contentType }), file.filename);
  const encoded = new Response(form);
  return {
    contentType: encoded.headers.get('content-type') ?? '',
    payload: Buffer.from(await encoded.arrayBuffer()),
  };
}

/** A real (tiny) PDF: the document of a submission whose other parts are spoiled. */
const PDF = Buffer.from('%PDF-1.7\n% Văn bản ký kết\n1 0 obj\n<<>>\nendobj\n%%EOF\n');

/** The real PDF as a form's file. */
const PDF_FILE: FilePart = { filename: 'bao-cao.pdf', contentType: 'application/pdf', content: PDF };

/**
 * A year-end report whose `data` has an own `__proto__` key, as `JSON.parse` makes it: once found by the property
 * below, and kept as its first example because a copy of the object drops the key instead of refusing it.
 */
const PROTO_REPORT: unknown = {
  obligation: 'O6',
  data: JSON.parse(
    '{"summary":"Báo cáo kết quả năm","assessment":"Sở hỗ trợ kịp thời","__proto__":0}',
  ) as unknown,
};

/** Bytes that are no document and no roster: markup, text, control bytes (never a PDF, PNG or JPEG start). */
const notADocument = fc.oneof(
  hostileText.map((text) => Buffer.from(`<${text}`)),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Buffer.concat([Buffer.from('X'), bytes])),
  fc.constant(Buffer.alloc(0)),
);

const filename = fc.oneof(
  fc.constantFrom(
    'ban-ky.pdf',
    'scan.png',
    'scan.jpg',
    'roster.json',
    'units.csv',
    'roster.xlsx',
    'x.exe',
    '',
  ),
  hostileText,
  hostileText.map((text) => `${text}.pdf`),
);
const contentType = fc.constantFrom('application/pdf', 'image/png', 'text/html', 'application/octet-stream');

/** A text field as a form sends it: strings as they are, anything else as its JSON. */
const asField = (value: unknown): string => (typeof value === 'string' ? value : jsonText(value));

const ATTACHMENTS = STATE_CHANGING.find((r) => r.url === '/api/v1/pairs/:code/:year/attachments')!;
const DRY_RUN = STATE_CHANGING.find((r) => r.url === '/api/v1/roster/dry-run')!;

describe('forms with files', () => {
  beforeEach(async () => {
    for (const who of ['admin', 'officer'] as const)
      if ((await signedInAs(who)) !== EMAIL_OF[who]) await signIn(who);
  });

  it("an officer's submission with its document: a file that is no document, or the document with a spoiled submission, is refused and changes nothing", async () => {
    const before = await tables();
    // An unknown part is not among the spoilers: the form's handler reads the parts it knows by name.
    const submission = bodiesOf({ params: noParams, ...SUBMISSION });
    const document = fc.oneof(
      fc.constant(undefined),
      fc.record({ filename, contentType, content: notADocument }),
      fc.constant(PDF_FILE),
    );
    await fc.assert(
      fc.asyncProperty(pairParams('P01'), submission, document, lang, async (params, body, file, l) => {
        const parts =
          typeof body === 'object' && body !== null && !Array.isArray(body) ? body : { data: body };
        const fields = Object.fromEntries(
          Object.entries(parts)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => [k, asField(v)]),
        );
        const payload = await multipart(fields, file === undefined ? {} : { file });
        await refusedAndUnchanged('officer', ATTACHMENTS, params, payload, l, before);
      }),
      { numRuns: RUNS, examples: [[{ code: 'P01', year: REAL_YEAR }, PROTO_REPORT, PDF_FILE, 'vi']] },
    );
  });

  it('a roster upload that is no roster, or names a year that is none, is refused and changes nothing', async () => {
    const before = await tables();
    const upload = fc.record(
      {
        year: fc.oneof(fc.constantFrom('2026', '', '1999', '2026.5'), hostileText),
        roster: fc.record({ filename, contentType, content: notADocument }),
        pairs: fc.record({ filename, contentType, content: notADocument }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(upload, lang, async ({ year, ...files }, l) => {
        const payload = await multipart(year === undefined ? {} : { year }, files);
        await refusedAndUnchanged('admin', DRY_RUN, {}, payload, l, before);
      }),
      { numRuns: RUNS },
    );
  });
});
