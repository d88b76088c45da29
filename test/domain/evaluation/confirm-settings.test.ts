import { ZodError } from 'zod';
import {
  checkRatingConfirmation,
  DECREE_335_RATING_SCALE,
  DEFAULT_EVALUATION_SETTINGS,
  evaluationOverridesOf,
  resolveEvaluationSettings,
} from '../../../domain/evaluation';
import { t } from '../../../domain/messages';

const scale = DEFAULT_EVALUATION_SETTINGS.rating;

describe('checkRatingConfirmation', () => {
  it('confirms the proposal without a reason, by id or label', () => {
    expect(checkRatingConfirmation({ proposed: 'TOT', final: 'TOT', scale })).toMatchObject({
      ok: true,
      override: false,
    });
    expect(checkRatingConfirmation({ proposed: 'KHA', final: ' khá ', scale })).toMatchObject({
      ok: true,
      level: { id: 'KHA' },
    });
    // Vietnamese typed with combining accents (NFD) still names the level.
    expect(
      checkRatingConfirmation({ proposed: 'TB', final: 'Trung bình'.normalize('NFD'), scale }),
    ).toMatchObject({ ok: true });
  });

  it('requires a reason to override', () => {
    const result = checkRatingConfirmation({ proposed: 'KHA', final: 'TOT', reason: '  ', scale });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(t(result.message.key, result.message.params)).toBe(
        'Xếp loại «Tốt» khác với đề xuất «Khá»: phải ghi lý do.',
      );
    }
    expect(
      checkRatingConfirmation({
        proposed: 'KHA',
        final: 'TOT',
        reason: 'Bổ sung kết quả quý IV',
        decisionNumber: '12/QĐ-UBND',
        scale,
      }),
    ).toMatchObject({ ok: true, override: true });
  });

  it('requires a reason when there is no proposal', () => {
    expect(checkRatingConfirmation({ final: 'TOT', scale }).ok).toBe(false);
  });

  it('refuses a level not on the scale, and over-long text', () => {
    const unknown = checkRatingConfirmation({ proposed: 'TOT', final: 'Giỏi', reason: 'x', scale });
    expect(unknown).toMatchObject({ ok: false, message: { key: 'evaluation.confirm.unknownLevel' } });
    expect(
      checkRatingConfirmation({ proposed: 'TOT', final: 'YEU', reason: 'x'.repeat(2001), scale }),
    ).toMatchObject({
      ok: false,
      message: { key: 'evaluation.confirm.reasonTooLong' },
    });
    expect(
      checkRatingConfirmation({ proposed: 'TOT', final: 'TOT', decisionNumber: 'x'.repeat(201), scale }).ok,
    ).toBe(false);
  });

  it('uses the scale of the year: the 4-level scale refuses Khá', () => {
    expect(
      checkRatingConfirmation({ proposed: 'HT', final: 'Khá', reason: 'x', scale: DECREE_335_RATING_SCALE })
        .ok,
    ).toBe(false);
    expect(
      checkRatingConfirmation({
        proposed: 'HT',
        final: 'Hoàn thành nhiệm vụ',
        scale: DECREE_335_RATING_SCALE,
      }).ok,
    ).toBe(true);
  });
});

describe('resolveEvaluationSettings', () => {
  it('defaults to the plan', () => {
    expect(resolveEvaluationSettings()).toEqual(DEFAULT_EVALUATION_SETTINGS);
    expect(resolveEvaluationSettings(null)).toEqual(DEFAULT_EVALUATION_SETTINGS);
  });

  it('merges overrides key by key and accepts money as a number or a string', () => {
    const s = resolveEvaluationSettings({
      targets: { LOWLAND_DISTRICT: { amountDong: 250_000_000 } },
      lateCredit: 0.25,
    });
    expect(s.targets.LOWLAND_DISTRICT.amountDong).toBe('250000000');
    expect(s.targets.LOWLAND_DISTRICT.households).toEqual({ rule: 'fixed', count: 10 });
    expect(s.targets.DEPARTMENT).toEqual(DEFAULT_EVALUATION_SETTINGS.targets.DEPARTMENT);
    expect(s.lateCredit).toBe(0.25);
  });

  it('refuses unknown keys, a scale whose thresholds rise, and a scale without a floor', () => {
    expect(() => resolveEvaluationSettings({ bonus: 1 })).toThrow(ZodError);
    expect(() => resolveEvaluationSettings({ lateCredit: 2 })).toThrow(ZodError);
    const rising = {
      levels: [
        { id: 'A', vi: 'A', en: 'A', minScore: 50 },
        { id: 'B', vi: 'B', en: 'B', minScore: 60 },
        { id: 'C', vi: 'C', en: 'C', minScore: 0 },
      ],
    };
    expect(() => resolveEvaluationSettings({ rating: rising })).toThrow(ZodError);
    const noFloor = {
      levels: [
        { id: 'A', vi: 'A', en: 'A', minScore: 50 },
        { id: 'B', vi: 'B', en: 'B', minScore: 10 },
      ],
    };
    expect(() => resolveEvaluationSettings({ rating: noFloor })).toThrow(ZodError);
    expect(() => resolveEvaluationSettings({ rating: { criticisedMaxLevel: 'NOPE' } })).toThrow(ZodError);
  });

  it('reads its overrides from the "evaluation" key of the year settings', () => {
    expect(evaluationOverridesOf({ policy: 'fixed', evaluation: { lateCredit: 0 } })).toEqual({
      lateCredit: 0,
    });
    expect(evaluationOverridesOf(null)).toEqual({});
  });
});
