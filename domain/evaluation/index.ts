/** The year-end evaluation (O7): settings, targets, progress aggregation, rating proposal, confirmation. */
export * from './settings';
export * from './targets';
export * from './progress';
export * from './rating';
export * from './confirm';
