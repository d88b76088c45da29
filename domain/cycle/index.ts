/** Pure rules of the annual cycle: vocabulary and rule tables, the permission check, payload schemas. */
export * from './types';
export * from './check';
export * from './schemas';
