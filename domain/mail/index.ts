/** Pure rules of e-mail: templates, calendar files, recipients, identifiers and SMTP reply classes. */
export * from './ics';
export * from './ids';
export * from './recipients';
export * from './sha256';
export * from './smtp-reply';
export * from './templates';
