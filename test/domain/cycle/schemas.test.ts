/** Payload schemas of the cycle's submissions and administrator actions. */
import { envelopeProblem } from '../../../domain/cycle/requests';
import { validatePayload } from '../../../domain/cycle/schemas';
import { bilingual, type MessageKey } from '../../../domain/messages';
import { PROGRESS_ENTRY } from './support';

const progress = PROGRESS_ENTRY;

describe('validatePayload', () => {
  test('refuses a value that makes zod itself throw, instead of throwing (found by the hostile-input property)', () => {
    // zod runs a length check even after the type check failed; an object without a prototype has no primitive.
    const length = Object.create(null) as object;
    expect(
      validatePayload('rating', { sponsorRating: 'A', recipientRating: 'A', decisionNumber: { length } }),
    ).toEqual({
      ok: false,
      message: { key: 'cycle.invalid.type', params: { field: '(payload)' } },
    });
    expect(envelopeProblem('waive', { actor: { length }, obligation: 'O1' })).toEqual({
      key: 'cycle.invalid.type',
      params: { field: '(request)' },
    });
  });

  test('a payload with a "constructor" key passes the envelope and is refused by its schema (found by a property)', () => {
    for (const value of [null, 'x', 5]) {
      const data = { ...progress, constructor: value };
      expect(
        envelopeProblem('progress', { side: 'sponsor', actor: 'officer@example.vn', data }),
      ).toBeUndefined();
      expect(validatePayload('progressEntry', data)).toEqual({
        ok: false,
        message: { key: 'cycle.invalid.unknownField', params: { field: 'constructor' } },
      });
    }
  });

  test('a needs proposal with amounts as numbers or digit strings, normalised to decimal strings', () => {
    const r = validatePayload('needsProposal', {
      summary: 'Nhu cầu năm 2026',
      items: [
        { category: 'SOCIAL_SECURITY', estimatedAmountDong: 150000000 },
        { category: 'OTHER', estimatedAmountDong: '0001000000000000000' },
      ],
    });
    expect(r).toEqual({
      ok: true,
      value: {
        summary: 'Nhu cầu năm 2026',
        items: [
          { category: 'SOCIAL_SECURITY', estimatedAmountDong: '150000000' },
          { category: 'OTHER', estimatedAmountDong: '1000000000000000' },
        ],
      },
    });
  });

  test.each([
    ['negative', -1],
    ['float', 1.5],
    ['negative string', '-5'],
    ['decimal string', '1.5'],
    ['unsafe number', 2 ** 60],
    ['amount beyond 10^15 đồng', '1000000000000001'],
    ['huge digit string', '123456789012345678901'],
  ])('refuses a %s amount', (_name, amount) => {
    const r = validatePayload('needsProposal', {
      summary: 's',
      items: [{ category: 'OTHER', estimatedAmountDong: amount }],
    });
    expect(r).toEqual({
      ok: false,
      message: { key: 'cycle.invalid.amountDong', params: { field: 'items.0.estimatedAmountDong' } },
    });
  });

  test('a too long summary names the field and the limit in both languages', () => {
    const r = validatePayload('needsProposal', { summary: 'x'.repeat(5001) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(bilingual(r.message.key as MessageKey, r.message.params)).toBe(
        'Trường «summary» dài quá 5000 ký tự. / The field "summary" is longer than 5000 characters.',
      );
    }
  });

  test('a progress entry: valid, then each kind of problem', () => {
    expect(
      validatePayload('progressEntry', { ...progress, beneficiaries: ['Hộ A'], communeCode: 'X-01' }),
    ).toMatchObject({ ok: true, value: { amountDong: '200000000' } });
    expect(validatePayload('progressEntry', { ...progress, category: 'SPORTS' })).toMatchObject({
      ok: false,
      message: { key: 'cycle.invalid.choice', params: { field: 'category' } },
    });
    expect(validatePayload('progressEntry', { ...progress, households: -2 })).toMatchObject({
      ok: false,
      message: { key: 'cycle.invalid.nonNegativeInteger', params: { field: 'households' } },
    });
    expect(validatePayload('progressEntry', { ...progress, studyTours: 0.5 })).toMatchObject({
      ok: false,
      message: { key: 'cycle.invalid.nonNegativeInteger' },
    });
    const { description: _d, ...noDescription } = progress;
    expect(validatePayload('progressEntry', noDescription)).toEqual({
      ok: false,
      message: { key: 'cycle.invalid.required', params: { field: 'description' } },
    });
    expect(validatePayload('progressEntry', { ...progress, extra: 1 })).toEqual({
      ok: false,
      message: { key: 'cycle.invalid.unknownField', params: { field: 'extra' } },
    });
    expect(validatePayload('progressEntry', { ...progress, beneficiaries: ['x'.repeat(201)] })).toMatchObject(
      {
        ok: false,
        message: { key: 'cycle.invalid.tooLong', params: { field: 'beneficiaries.0', max: 200 } },
      },
    );
  });

  test('a signature needs a real date and a signatory', () => {
    expect(validatePayload('signature', { signedOn: '2026-03-20', signatoryName: 'Nguyễn Văn A' }).ok).toBe(
      true,
    );
    expect(validatePayload('signature', { signedOn: '2026-02-30', signatoryName: 'A' })).toMatchObject({
      ok: false,
      message: { key: 'cycle.invalid.date', params: { field: 'signedOn' } },
    });
    expect(validatePayload('signature', { signedOn: '2026-03-20', signatoryName: '   ' })).toMatchObject({
      ok: false,
      message: { key: 'cycle.invalid.empty' },
    });
  });

  test('administrator payloads', () => {
    expect(
      validatePayload('extend', { newDate: '2026-03-16', reason: 'Bão lũ', decisionNumber: '12/QĐ-BDT' }).ok,
    ).toBe(true);
    expect(validatePayload('extend', { newDate: '2026-03-16' })).toMatchObject({
      ok: false,
      message: { key: 'cycle.invalid.required', params: { field: 'reason' } },
    });
    expect(validatePayload('extend', { newDate: '2026-03-16', reason: 'x'.repeat(2001) })).toMatchObject({
      ok: false,
      message: { key: 'cycle.invalid.tooLong', params: { max: 2000 } },
    });
    expect(validatePayload('waive', { reason: 'Sáp nhập' }).ok).toBe(true);
    expect(validatePayload('dissolve', { reason: 'Sáp nhập', successorPairCode: 'P77' }).ok).toBe(true);
    expect(validatePayload('dissolve', { reason: 'Sáp nhập', successorPairCode: 'P 77' })).toMatchObject({
      ok: false,
      message: { key: 'cycle.invalid.value' },
    });
    expect(
      validatePayload('rating', { sponsorRating: 'GOOD', recipientRating: 'FAIR', reason: 'Hoàn thành' }).ok,
    ).toBe(true);
    expect(validatePayload('yearEndReport', { summary: 's', assessment: 'a' }).ok).toBe(true);
    expect(validatePayload('implementationPlan', { summary: 's' })).toMatchObject({
      ok: false,
      message: { key: 'cycle.invalid.required', params: { field: 'monitoringAssignment' } },
    });
    expect(validatePayload('waive', null)).toMatchObject({ ok: false });
  });
});
