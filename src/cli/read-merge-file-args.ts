import type { Granularity } from '../merge/index.ts';

/** What `concord merge-file` was asked to do. */
export interface MergeFileArgs {
  /** current, base, other: as given, for reading, writing and default labels. */
  files: [string, string, string];
  /** `-L` labels in order (current, base, other); missing ones default to the file names. */
  labels: string[];
  stdout: boolean;
  quiet: boolean;
  /** Word granularity: write merges to review as merged and exit 0 for them. */
  acceptMerged: boolean;
  style: 'merge' | 'diff3';
  /** `--ours`, `--theirs`, `--union`: resolve every conflict instead of marking it. */
  favor: 'ours' | 'theirs' | 'union' | undefined;
  markerSize: number;
  granularity: Granularity;
}

/**
 * The longest conflict marker accepted. git 2.39 takes any integer: 1000000000 runs it out of
 * memory, and 0 or less quietly means 7. A marker longer than a line of text is never what
 * someone meant, so a size outside 1 to this is a usage error, as a size that is not a number is
 * for git.
 */
const MAX_MARKER_SIZE = 1000;

/** Options that take a value, by the names they may be given with. */
const VALUE_OPTIONS = new Set(['-L', '--marker-size', '--granularity']);

/**
 * Reads `concord merge-file`'s command line the way git's parse-options reads
 * `git merge-file`'s: short flags may be grouped (`-pq`), a value may follow its option as the
 * next argument or be attached (`-Lname`, `--marker-size=9`), `--` ends the options, and at most
 * three labels are allowed. Returns the arguments, `'help'` for `-h`/`--help`, or a message saying
 * what is wrong.
 *
 * @example
 * readMergeFileArgs(['-p', '-L', 'ours', 'a', 'b', 'c']); // { files: ['a', 'b', 'c'], stdout: true, ... }
 */
export function readMergeFileArgs(argv: readonly string[]): MergeFileArgs | 'help' | string {
  const args: Omit<MergeFileArgs, 'files'> = {
    labels: [],
    stdout: false,
    quiet: false,
    acceptMerged: false,
    style: 'merge',
    favor: undefined,
    markerSize: 7,
    granularity: 'line',
  };
  const files: string[] = [];
  let k = 0;
  const takeValue = (attached: string | undefined): string | null =>
    attached ?? (k < argv.length ? (argv[k++] as string) : null);

  while (k < argv.length) {
    const arg = argv[k++] as string;
    if (arg === '--') {
      files.push(...argv.slice(k));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    // Split `--name=value` and `-Lvalue`; group `-pq` into single flags.
    let name: string;
    let attached: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq < 0 ? arg : arg.slice(0, eq);
      attached = eq < 0 ? undefined : arg.slice(eq + 1);
    } else {
      name = arg.slice(0, 2);
      const rest = arg.slice(2);
      if (rest && !VALUE_OPTIONS.has(name)) {
        // Grouped flags: read them one at a time.
        argv = [...argv.slice(0, k), `-${rest}`, ...argv.slice(k)];
      } else if (rest) {
        attached = rest;
      }
    }

    if (VALUE_OPTIONS.has(name)) {
      const value = takeValue(attached);
      if (value === null) return `option \`${name.replace(/^-+/, '')}' requires a value`;
      if (name === '-L') {
        if (args.labels.length === 3) return 'too many labels on the command line';
        args.labels.push(value);
      } else if (name === '--marker-size') {
        if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_MARKER_SIZE) {
          return `option \`marker-size' expects a number from 1 to ${MAX_MARKER_SIZE}, not "${value}"`;
        }
        args.markerSize = Number(value);
      } else {
        if (value !== 'line' && value !== 'word') {
          return `option \`granularity' expects line or word, not "${value}"`;
        }
        args.granularity = value;
      }
      continue;
    }
    if (attached !== undefined) return `option \`${name.slice(2)}' takes no value`;
    switch (name) {
      case '-p':
      case '--stdout':
        args.stdout = true;
        break;
      case '--accept-merged':
        args.acceptMerged = true;
        break;
      case '-q':
      case '--quiet':
        args.quiet = true;
        break;
      case '--diff3':
        args.style = 'diff3';
        break;
      case '--no-diff3':
        args.style = 'merge';
        break;
      case '--ours':
      case '--theirs':
      case '--union':
        args.favor = name.slice(2) as 'ours' | 'theirs' | 'union';
        break;
      case '-h':
      case '--help':
        return 'help';
      default:
        return `unknown option \`${name.replace(/^-+/, '')}'`;
    }
  }
  if (files.length !== 3) return `expected 3 files (current, base, other), got ${files.length}`;
  return { ...args, files: files as [string, string, string] };
}
