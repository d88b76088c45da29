/** The statutory calendar: time in Asia/Ho_Chi_Minh, working days, holidays, settings and deadlines. */
export * from './time';
export * from './working-days';
export * from './settings';
export * from './deadlines';
export { seedCalendarDays, SEEDED_YEARS, PROVISIONAL_SEED_YEARS } from './holidays-seed';
