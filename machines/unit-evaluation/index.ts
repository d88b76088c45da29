/** The statechart of a unit's yearly evaluation: types, machine and the requests it accepts. */
export * from './types';
export * from './machine';
export * from './requests';
