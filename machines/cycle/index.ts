/** The cycle statechart: machine, model (input, events, actions), projection and persistence. */
export * from './model';
export * from './machine';
export * from './projection';
export * from './calendar-adapter';
