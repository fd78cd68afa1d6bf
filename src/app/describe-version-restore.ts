import { conflictProblemOf } from '../client/index.ts';
import { describeSaveError } from './describe-error.ts';

/** Why "Restore this version" did not land: a newer save came first, or another failure. */
export type VersionRestoreFailure =
  { kind: 'newer'; message: string } | { kind: 'failed'; message: string };

/**
 * What a refused "Restore this version" means. It is a guarded save, so a version saved by
 * someone meanwhile is answered 409 and nothing is overwritten: the person is told whose it
 * is, and may try again (against that version) or open the editor to look at it first.
 *
 * @example describeVersionRestoreFailure(staleError, 2) // { kind: 'newer', message: 'Not restored: Bob saved version 4 …' }
 */
export function describeVersionRestoreFailure(
  error: unknown,
  restoring: number,
): VersionRestoreFailure {
  const conflict = conflictProblemOf(error);
  if (conflict) {
    const { version, updated_by: by } = conflict.current;
    return {
      kind: 'newer',
      message: `Not restored: ${by || 'someone'} saved version ${version} meanwhile, and it was not overwritten. Restore version ${restoring} over it, or open the editor to see it first.`,
    };
  }
  return { kind: 'failed', message: describeSaveError(error) };
}
