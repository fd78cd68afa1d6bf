export { merge } from './merge.ts';
export { splitLines } from './split-lines.ts';
export type {
  Granularity,
  MergeInput,
  MergeOptions,
  MergeRegion,
  MergeResult,
  RenderOptions,
} from './types.ts';
