export * from './api-error.ts';
export * from './concord-client.ts';
export * from './document-events.ts';
export * from './drafts.ts';
export * from './queries.ts';
export * from './user-name.ts';
export * from './guarded-save.ts';
export * from './use-guarded-save.ts';
