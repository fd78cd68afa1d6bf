export { diffWords, type WordChange } from './diff-words.ts';
export { measureCommonEnds } from './measure-common-ends.ts';
export { merge } from './merge.ts';
export { parseMerge } from './parse-merge.ts';
export { renderMerge } from './render-merge.ts';
export { splitLines } from './split-lines.ts';
export type {
  Granularity,
  MergeInput,
  MergeOptions,
  MergeRegion,
  MergeResult,
  RenderOptions,
} from './types.ts';
