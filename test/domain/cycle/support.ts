/** A valid O4 progress entry payload, for tests that spoil one field of it. */
export const PROGRESS_ENTRY = {
  category: 'SOCIO_ECONOMIC',
  households: 3,
  amountDong: '200000000',
  modelsBuilt: 1,
  modelsReplicated: 0,
  studyTours: 1,
  description: 'Hỗ trợ bò giống',
} as const;
