import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { merge, renderMerge } from '../merge/index.ts';
import type { MergeRegion, MergeResult } from '../merge/index.ts';
import type { CliIo } from './cli-io.ts';
import { readMergeFileArgs } from './read-merge-file-args.ts';
import type { MergeFileArgs } from './read-merge-file-args.ts';

/** git's exit code for a command line it cannot use (`usage_with_options`). */
export const EXIT_USAGE = 129;
/** git's exit code when a file cannot be read, is binary or cannot be written (`-1`). */
export const EXIT_ERROR = 255;
/** Exit codes count conflicts only up to here, as in git: 128 and up mean other things. */
const MAX_CONFLICTS_EXIT = 127;
/** git calls a file binary when a NUL byte is among its first this many bytes. */
const BINARY_PROBE_BYTES = 8000;

const usageText = `usage: concord merge-file [<options>] [-L <name1> [-L <orig> [-L <name2>]]] <file1> <orig-file> <file2>

    -p, --stdout              send results to standard output
    --diff3                   show the base of each conflict too
    --ours, --theirs, --union for conflicts, use our, their, or both versions
    --marker-size <n>         for conflicts, use this marker size
    --granularity line|word   line (default) merges as git does; word also merges edits to
                              different words of one line and keeps two insertions at one place
    --accept-merged           with word: write merges to review (edits within one line, two
                              insertions at one place) merged and exit 0; without it they
                              are written as conflicts and counted in the exit code
    -q, --quiet               do not warn about conflicts or merges to review
    -L <name>                 set labels for file1/orig-file/file2
`;

/**
 * `concord merge-file`: a three-way merge of files, argument- and exit-compatible with
 * `git merge-file`, so it also serves as a git merge driver. Merges the changes from <orig-file>
 * to <file2> into <file1> (or prints the result with `-p`). Returns the number of conflicts (at
 * most 127), 0 when clean, 129 for a command line it cannot use and 255 when a file cannot be
 * read or written — git's codes.
 *
 * @example process.exitCode = await runMergeFile(['-p', 'mine.md', 'base.md', 'theirs.md'], io);
 */
export async function runMergeFile(argv: string[], io: CliIo): Promise<number> {
  const args = readMergeFileArgs(argv);
  if (args === 'help') {
    // git answers -h with the usage on stdout and its usage exit code.
    io.stdout.write(usageText);
    return EXIT_USAGE;
  }
  if (typeof args === 'string') {
    io.stderr.write(`error: ${args}\n${usageText}`);
    return EXIT_USAGE;
  }
  // As git's -q: nothing on stderr once the command line is understood.
  const warn = (message: string): void => {
    if (!args.quiet) io.stderr.write(message);
  };

  const paths = args.files.map((file) => resolve(io.cwd, file));
  const buffers: Buffer[] = [];
  for (const [i, path] of paths.entries()) {
    let buffer: Buffer;
    try {
      buffer = await readFile(path);
    } catch (error) {
      warn(`error: could not read ${args.files[i]}: ${(error as Error).message}\n`);
      return EXIT_ERROR;
    }
    if (buffer.subarray(0, BINARY_PROBE_BYTES).includes(0)) {
      warn(`error: Cannot merge binary files: ${args.files[i]}\n`);
      return EXIT_ERROR;
    }
    buffers.push(buffer);
  }

  const encoding = chooseEncoding(buffers, args);
  const [mine, base, theirs] = buffers.map((b) => b.toString(encoding)) as [string, string, string];
  const merged = merge(
    { base, mine, theirs },
    {
      granularity: args.granularity,
      conflictSize: args.style === 'diff3' && !args.favor ? 'whole' : 'minimal',
    },
  );
  // git commits an exit-0 merge unseen, so what needs review is a conflict unless accepted.
  const result = args.acceptMerged ? merged : markMergedForReview(merged);
  // Labels come from the command line as UTF-8 and must come out as the same bytes.
  const label = (text: string): string => Buffer.from(text, 'utf8').toString(encoding);
  const [mineLabel, baseLabel, theirsLabel] = [0, 1, 2].map((i) =>
    label(args.labels[i] ?? args.files[i]!),
  );
  const output = renderMerge(result, {
    style: args.style,
    labels: { mine: mineLabel, base: baseLabel, theirs: theirsLabel },
    markerSize: args.markerSize,
    conflicts: args.favor === 'ours' ? 'mine' : args.favor === 'theirs' ? 'theirs' : args.favor,
  });

  const bytes = Buffer.from(output, encoding);
  if (args.stdout) {
    io.stdout.write(bytes);
  } else {
    try {
      await writeFile(paths[0]!, bytes);
    } catch (error) {
      warn(`error: could not write ${args.files[0]}: ${(error as Error).message}\n`);
      return EXIT_ERROR;
    }
  }

  const review = findLinesToReview(result.regions, args);
  if (review.length > 0) {
    warn(
      `concord merge-file: ${args.files[0]}: merged at word level or kept both insertions ` +
        `at line${review.length > 1 ? 's' : ''} ${review.join(', ')}; please review\n`,
    );
  }
  return args.favor ? 0 : Math.min(result.conflicts, MAX_CONFLICTS_EXIT);
}

/** Turns every region merged below line level into a conflict, with markers and a count. */
function markMergedForReview(result: MergeResult): MergeResult {
  let conflicts = 0;
  const regions = result.regions.map((region): MergeRegion => {
    if (region.kind === 'conflict') conflicts++;
    if (region.kind !== 'merged') return region;
    conflicts++;
    return { kind: 'conflict', base: region.base, mine: region.mine, theirs: region.theirs };
  });
  return conflicts === 0 ? result : { clean: false, regions, conflicts };
}

/**
 * Line merges compare bytes, as git does, so any encoding (even invalid UTF-8) comes out byte for
 * byte: Latin-1 maps each byte to one character and back. Word merges need the real characters to
 * find words; they read UTF-8 unless a file is not valid UTF-8.
 */
function chooseEncoding(buffers: Buffer[], args: MergeFileArgs): 'latin1' | 'utf8' {
  if (args.granularity === 'line') return 'latin1';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (const buffer of buffers) decoder.decode(buffer);
    return 'utf8';
  } catch {
    return 'latin1';
  }
}

/**
 * First lines, in the output, of regions merged below line level (only with `--granularity word`),
 * so a person can find them: the file itself carries no mark for them.
 */
function findLinesToReview(regions: MergeRegion[], args: MergeFileArgs): number[] {
  const lines: number[] = [];
  let line = 1;
  for (const region of regions) {
    if (region.kind === 'merged') lines.push(line);
    if (region.kind !== 'conflict') line += countLineBreaks(region.text);
    else if (args.favor === 'ours') line += countLineBreaks(region.mine);
    else if (args.favor === 'theirs') line += countLineBreaks(region.theirs);
    else if (args.favor === 'union') {
      // The union closes mine's last line before theirs.
      line += countLineBreaks(region.mine) + (/[^\n]$/.test(region.mine) ? 1 : 0);
      line += countLineBreaks(region.theirs);
    } else {
      const sides =
        args.style === 'diff3'
          ? [region.mine, region.base, region.theirs]
          : [region.mine, region.theirs];
      // A marker before each side and one after; renderMerge closes each side's last line.
      line += sides.length + 1;
      for (const side of sides) {
        if (side !== '') line += countLineBreaks(side) + (side.endsWith('\n') ? 0 : 1);
      }
    }
  }
  return lines;
}

function countLineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
