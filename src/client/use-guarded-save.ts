'use client';

import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { findEngineMarker, type MarkerLabels } from '../protocol/engine-markers.ts';
import {
  createTextSaveAdapter,
  guardedSave,
  type GuardedValueResult,
  type SaveAdapter,
  type SaveConflict,
  type SaveDraft,
  type SaveTarget,
  type StoredValue,
  type ValueConflict,
  type ValueDraft,
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

/** The stored value now, to edit from next, and how it came to be (see {@link SavedVersion}). */
export interface SavedValue<S> extends StoredValue<S> {
  how: 'saved' | 'theirs';
}

export interface UseGuardedValueSaveOptions<T, S extends T = T> {
  /** After a save landed, or when the person took theirs: the version to edit from next. */
  onSaved?: ((saved: SavedValue<S>) => void) | undefined;
  /**
   * The texts of a value, searched for conflict markers the dialog wrote before a resolution is
   * sent. Default: the value itself when it is a string, else its string properties.
   */
  textsOf?: ((value: T) => string[]) | undefined;
}

/** The conflict dialog's answer, or just the text to save. */
export type GuardedResolution =
  | string
  | {
      body: string;
      how?: 'merged' | 'mine' | 'theirs' | undefined;
      /** The labels of the dialog's marker lines, if translated (see `labels.markers`). */
      markers?: MarkerLabels | undefined;
    };

/** A resolution of a value's conflict: the value to save, and how the person chose it. */
export interface ValueResolution<T> {
  value: T;
  how?: 'merged' | 'mine' | 'theirs' | undefined;
  /**
   * The labels of the marker lines the dialog wrote, when it was given its own: a resolution that
   * still holds one of those (else of the English ones) is refused.
   */
  markers?: MarkerLabels | undefined;
}

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
  /** The underlying mutation (its variables are the draft as a value: `{ base, value, etag }`). */
  mutation: UseMutationResult<GuardedValueResult<string>, Error, ValueDraft<string>>;
}

/** {@link GuardedSave} for any value saved through a {@link SaveAdapter}. */
export interface GuardedValueSave<T, S extends T = T> {
  save: (draft: ValueDraft<T>) => void;
  conflict: ValueConflict<T, S> | undefined;
  resolve: (resolution: ValueResolution<T>) => void;
  cancel: () => void;
  isPending: boolean;
  error: Error | null;
  mutation: UseMutationResult<GuardedValueResult<T, S>, Error, ValueDraft<T>>;
}

/**
 * A TanStack Query mutation that saves a text with `If-Match` against any HTTP server and turns a
 * 409 or 412 into the conflict dialog's inputs. Give it a URL (PUT to save, GET to reread) or
 * your own `send`/`load` requests; see {@link SaveTarget}. Any other value (a document with a
 * title and a body) is saved through a {@link SaveAdapter}.
 *
 * @example
 * const saving = useGuardedSave({ url: '/api/note' }, { onSaved: setVersion });
 * saving.save({ base: version.text, text: draft, etag: version.etag });
 * {saving.conflict && (
 *   <ConflictDialog {...saving.conflict} onResolve={saving.resolve} onCancel={saving.cancel}
 *     busy={saving.isPending} error={saving.error?.message} />
 * )}
 */
export function useGuardedSave(target: SaveTarget, options?: UseGuardedSaveOptions): GuardedSave;
export function useGuardedSave<T, S extends T = T>(
  adapter: SaveAdapter<T, S>,
  options?: UseGuardedValueSaveOptions<T, S>,
): GuardedValueSave<T, S>;
export function useGuardedSave<T, S extends T>(
  target: SaveTarget | SaveAdapter<T, S>,
  options: UseGuardedSaveOptions | UseGuardedValueSaveOptions<T, S> = {},
): GuardedSave | GuardedValueSave<T, S> {
  // Saves of one resource run one after another: each must carry the ETag the last one got.
  const scope = 'url' in target ? `guarded-save:${target.url}` : undefined;
  if ('readSaved' in target) {
    // eslint-disable-next-line react-hooks/rules-of-hooks -- a target never changes kind
    return useValueSave(target, options as UseGuardedValueSaveOptions<T, S>, scope);
  }
  const { onSaved } = options as UseGuardedSaveOptions;
  // eslint-disable-next-line react-hooks/rules-of-hooks -- a target never changes kind
  const saving = useValueSave(
    createTextSaveAdapter(target),
    { onSaved: onSaved && (({ value, etag, how }) => onSaved({ text: value, etag, how })) },
    scope,
  );
  const conflict = saving.conflict;
  return {
    ...saving,
    save: ({ base, text, etag }: SaveDraft) => saving.save({ base, value: text, etag }),
    conflict: conflict && {
      base: conflict.base,
      mine: conflict.mine,
      theirs: conflict.theirs,
      theirsEtag: conflict.theirsEtag,
    },
    resolve: (resolution: GuardedResolution) =>
      saving.resolve(
        typeof resolution === 'string'
          ? { value: resolution }
          : { ...resolution, value: resolution.body },
      ),
  };
}

function useValueSave<T, S extends T>(
  adapter: SaveAdapter<T, S>,
  options: UseGuardedValueSaveOptions<T, S>,
  scope: string | undefined,
): GuardedValueSave<T, S> {
  const [conflict, setConflict] = useState<ValueConflict<T, S>>();
  const [refused, setRefused] = useState<Error | null>(null);
  const mutation = useMutation({
    ...(scope && { scope: { id: scope } }),
    mutationFn: (draft: ValueDraft<T>) => guardedSave(adapter, draft),
    retry: shouldRetrySave,
    onSuccess: (result) => {
      if (result.status === 'conflict') return setConflict(result);
      setConflict(undefined);
      options.onSaved?.({ value: result.value, etag: result.etag, how: 'saved' });
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
      const next = decideResolution(conflict, resolution, options.textsOf ?? readStrings);
      if (next.kind === 'refused') return setRefused(next.error);
      if (next.kind === 'save') return mutation.mutate(next.draft);
      setConflict(undefined);
      options.onSaved?.(next.saved);
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

/** What resolving a conflict comes to: theirs kept (nothing sent), a refusal, or a save to send. */
export type ResolutionStep<T, S extends T = T> =
  | { kind: 'theirs'; saved: SavedValue<S> }
  | { kind: 'refused'; error: Error }
  | { kind: 'save'; draft: ValueDraft<T> };

/**
 * The step a resolution of `conflict` leads to: taking theirs saves nothing; a resolution that
 * still holds a marker the dialog wrote is refused; any other is saved against theirs, with
 * theirs as the base of a next merge.
 *
 * @example decideResolution(conflict, { value: 'merged' }, (v) => [v]) // { kind: 'save', draft }
 */
export function decideResolution<T, S extends T>(
  conflict: ValueConflict<T, S>,
  resolution: ValueResolution<T>,
  textsOf: (value: T) => string[],
): ResolutionStep<T, S> {
  const { theirs, theirsEtag: etag } = conflict;
  if (resolution.how === 'theirs')
    return { kind: 'theirs', saved: { value: theirs, etag, how: 'theirs' } };
  const kept = [conflict.base, conflict.mine, theirs].flatMap(textsOf);
  for (const text of textsOf(resolution.value)) {
    const error = refuseMarkers(text, kept, resolution.markers);
    if (error) return { kind: 'refused', error };
  }
  return { kind: 'save', draft: { base: theirs, value: resolution.value, etag } };
}

function readStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).filter((v): v is string => typeof v === 'string');
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
export function refuseUnresolved(
  text: string,
  conflict: SaveConflict,
  markers?: MarkerLabels,
): Error | undefined {
  return refuseMarkers(text, [conflict.base, conflict.mine, conflict.theirs], markers);
}

/** The refusal of `text` if it holds a marker line of `markers` (default: the English ones). */
function refuseMarkers(
  text: string,
  kept: string[],
  markers: MarkerLabels | undefined,
): Error | undefined {
  const marker = findEngineMarker(text, kept, markers);
  if (!marker) return undefined;
  return new Error(
    `Not saved: conflict ${marker.conflict} is not resolved yet (a conflict marker is left on line ${marker.line}).`,
  );
}
