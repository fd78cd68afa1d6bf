import { join } from 'node:path';

/** One way of calling `git merge-file` / `concord merge-file` on a corpus case. */
export interface CorpusOption {
  /** Names the stored outputs: `git.<name>.out`, `git.<name>.status`. */
  name: string;
  /** Options before the labels and files. */
  flags: string[];
}

/** The option sets every corpus case is merged with, by git when mined and by concord when read. */
export const CORPUS_OPTIONS: readonly CorpusOption[] = [
  { name: 'plain', flags: [] },
  { name: 'diff3', flags: ['--diff3'] },
  { name: 'marker10', flags: ['--marker-size', '10'] },
  { name: 'union', flags: ['--union'] },
];

/** merge-file's arguments for a case: `-p`, the option's flags, labels, ours base theirs. */
export function mergeFileArgsFor(option: CorpusOption, caseDir: string): string[] {
  return [
    '-p',
    ...option.flags,
    ...['-L', 'ours', '-L', 'base', '-L', 'theirs'],
    ...['ours', 'base', 'theirs'].map((name) => join(caseDir, name)),
  ];
}

/** The whole `git` command line for a case. */
export function gitArgsFor(option: CorpusOption, caseDir: string): string[] {
  return ['merge-file', ...mergeFileArgsFor(option, caseDir)];
}
