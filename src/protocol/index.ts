export * from './document.ts';
export * from './etag.ts';
export * from './problem.ts';
