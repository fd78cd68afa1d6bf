'use client';

import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { findEngineMarker } from '../protocol/engine-markers.ts';
import {
  guardedSave,
  type GuardedSaveResult,
  type SaveConflict,
  type SaveDraft,
  type SaveTarget,
  type Versioned,
} from './guarded-save.ts';

/**
 * The version now stored, to edit from next, and how it came to be: `saved` (a save, or the save
 * of a resolution, landed) or `theirs` (the person took theirs in the dialog: nothing was sent).
 */
export interface SavedVersion extends Versioned {
  how: 'saved' | 'theirs';
}

export interface UseGuardedSaveOptions {
  /** After a save landed, or when the person took theirs: the version to edit from next. */
  onSaved?: ((saved: SavedVersion) => void) | undefined;
}

/** The conflict dialog's answer, or just the text to save. */
export type GuardedResolution =
  string | { body: string; how?: 'merged' | 'mine' | 'theirs' | undefined };

export interface GuardedSave {
  /** Saves a draft with `If-Match: draft.etag`. */
  save: (draft: SaveDraft) => void;
  /** The dialog's inputs while a lost update waits for the person; `undefined` otherwise. */
  conflict: SaveConflict | undefined;
  /**
   * Saves the resolution against theirs. If yet another save landed meanwhile, `conflict` becomes
   * that newer version merged with the resolution (base = the previous theirs), so the choices
   * already made are kept. Taking theirs saves nothing.
   */
  resolve: (resolution: GuardedResolution) => void;
  /** Closes the conflict; the caller keeps its draft. */
  cancel: () => void;
  isPending: boolean;
  /**
   * The last failure that is not a conflict (an `ApiError`, or a network error), or the refusal
   * of a resolution that still holds a conflict marker (nothing was sent).
   */
  error: Error | null;
  mutation: UseMutationResult<GuardedSaveResult, Error, SaveDraft>;
}

/**
 * A TanStack Query mutation that saves a text with `If-Match` against any HTTP server and turns a
 * 409 or 412 into the conflict dialog's inputs. Give it a URL (PUT to save, GET to reread) or
 * your own `send`/`load` requests; see {@link SaveTarget}.
 *
 * @example
 * const saving = useGuardedSave({ url: '/api/note' }, { onSaved: setVersion });
 * saving.save({ base: version.text, text: draft, etag: version.etag });
 * {saving.conflict && (
 *   <ConflictDialog {...saving.conflict} onResolve={saving.resolve} onCancel={saving.cancel}
 *     busy={saving.isPending} error={saving.error?.message} />
 * )}
 */
export function useGuardedSave(
  target: SaveTarget,
  options: UseGuardedSaveOptions = {},
): GuardedSave {
  const [conflict, setConflict] = useState<SaveConflict>();
  const [refused, setRefused] = useState<Error | null>(null);
  const mutation = useMutation({
    // Saves of one resource run one after another: each must carry the ETag the last one got.
    ...('url' in target && { scope: { id: `guarded-save:${String(target.url)}` } }),
    mutationFn: (draft: SaveDraft) => guardedSave(target, draft),
    retry: shouldRetrySave,
    onSuccess: (result) => {
      if (result.status === 'conflict') {
        const { base, mine, theirs, theirsEtag } = result;
        setConflict({ base, mine, theirs, theirsEtag });
        return;
      }
      setConflict(undefined);
      options.onSaved?.({ text: result.text, etag: result.etag, how: 'saved' });
    },
  });

  return {
    save: (draft) => {
      setRefused(null);
      mutation.mutate(draft);
    },
    conflict,
    resolve: (resolution) => {
      if (!conflict) return;
      setRefused(null);
      if (typeof resolution !== 'string' && resolution.how === 'theirs') {
        setConflict(undefined);
        options.onSaved?.({ text: conflict.theirs, etag: conflict.theirsEtag, how: 'theirs' });
        return;
      }
      const text = typeof resolution === 'string' ? resolution : resolution.body;
      const refusal = refuseUnresolved(text, conflict);
      if (refusal) return setRefused(refusal);
      mutation.mutate({ base: conflict.theirs, text, etag: conflict.theirsEtag });
    },
    cancel: () => {
      setConflict(undefined);
      setRefused(null);
      mutation.reset();
    },
    isPending: mutation.isPending,
    error: refused ?? mutation.error,
    mutation,
  };
}

/**
 * Retries only a request that never got an answer (fetch rejects with a TypeError); a retried
 * save that had landed comes back as a conflict whose theirs is the draft, which counts as saved.
 * An answer (409, 412, 428, ...) is never retried: the same request could only fail the same way.
 */
export function shouldRetrySave(failureCount: number, error: Error): boolean {
  return failureCount < 2 && error instanceof TypeError;
}

/**
 * Why `text` must not be saved as the resolution of `conflict`, if it must not: it still holds a
 * conflict marker the dialog wrote (one that is not already in base, mine or theirs). The dialog
 * never resolves with one; this holds for any other caller too.
 *
 * @example refuseUnresolved('<<<<<<< mine (conflict 1)\n…', conflict)?.message
 */
export function refuseUnresolved(text: string, conflict: SaveConflict): Error | undefined {
  const marker = findEngineMarker(text, [conflict.base, conflict.mine, conflict.theirs]);
  if (!marker) return undefined;
  return new Error(
    `Not saved: conflict ${marker.conflict} is not resolved yet (a conflict marker is left on line ${marker.line}).`,
  );
}
