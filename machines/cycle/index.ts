/** The cycle statechart: its types, reducers, timers, machine, projection and the requests it accepts. */
export * from './types';
export * from './timers';
export * from './guards';
export * from './reducers';
export * from './machine';
export * from './projection';
export * from './calendar-adapter';
export * from './requests';
