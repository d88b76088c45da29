/** Builders of evaluation inputs for the hand-computed tables. */
import type { ObligationStatus } from '../../../domain/cycle/types';
import type { ProgressEntryInput, UnitCycleInput, UnitEvaluationInput } from '../../../domain/evaluation';

let next = 0;

/** A progress entry with zeros everywhere but what is given. */
export function entry(
  pairCode: string,
  recipientCode: string,
  values: Partial<ProgressEntryInput> = {},
): ProgressEntryInput {
  next += 1;
  return {
    id: `e${next}`,
    pairCode,
    recipientCode,
    submittedBy: 'officer@sponsor',
    submittedAt: `2025-06-${String(10 + (next % 18)).padStart(2, '0')}T03:00:00.000Z`,
    category: 'SOCIO_ECONOMIC',
    households: 0,
    amountDong: 0n,
    modelsBuilt: 0,
    modelsReplicated: 0,
    studyTours: 0,
    ...values,
  };
}

/** A cycle of a sponsor with the recipient `recipient` and the given statuses (others submitted on time). */
export function cycle(
  pairCode: string,
  recipient: string,
  statuses: Partial<Record<'O1' | 'O2' | 'O3' | 'O5' | 'O6', ObligationStatus>> = {},
  options: { kind?: string; active?: boolean; communes?: string[] } = {},
): UnitCycleInput {
  const all = {
    O1: 'submitted',
    O2: 'submitted',
    O3: 'submitted',
    O5: 'submitted',
    O6: 'submitted',
    ...statuses,
  } as const;
  return {
    pairCode,
    counterpart: {
      code: recipient,
      kind: options.kind ?? 'COMMUNE',
      ...(options.communes !== undefined ? { communes: options.communes } : {}),
    },
    active: options.active ?? true,
    obligations: (['O1', 'O2', 'O3', 'O5', 'O6'] as const).map((o) => ({ obligation: o, status: all[o] })),
  };
}

/** A department's input: staff of the year, cycles, entries. */
export function department(
  staff: number | null,
  cycles: UnitCycleInput[],
  entries: ProgressEntryInput[],
  positiveFactors?: string,
): UnitEvaluationInput {
  return {
    side: 'sponsor',
    unitCode: 'SO-X',
    kind: 'DEPARTMENT',
    year: 2025,
    staff: staff === null ? null : { count: staff, year: 2025 },
    cycles,
    entries,
    ...(positiveFactors ? { positiveFactors } : {}),
  };
}

/** A lowland district's input. */
export function lowland(cycles: UnitCycleInput[], entries: ProgressEntryInput[]): UnitEvaluationInput {
  return {
    side: 'sponsor',
    unitCode: 'H-DB',
    kind: 'LOWLAND_DISTRICT',
    year: 2025,
    staff: null,
    cycles,
    entries,
  };
}

/** A recipient commune's input. */
export function recipient(cycles: UnitCycleInput[], positiveFactors?: string): UnitEvaluationInput {
  return {
    side: 'recipient',
    unitCode: 'XA-A',
    kind: 'COMMUNE',
    year: 2025,
    cycles,
    entries: [],
    ...(positiveFactors ? { positiveFactors } : {}),
  };
}
