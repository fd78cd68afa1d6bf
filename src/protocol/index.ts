export * from './document.ts';
export * from './etag.ts';
export * from './problem.ts';
export * from './resolution.ts';
export * from './contains-control-character.ts';
export * from './encode-user-name.ts';
export * from './to-title-key.ts';
export * from './validate-document-input.ts';
