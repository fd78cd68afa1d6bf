import { useEffect, useState } from 'react';
import {
  conflictProblemOf,
  docKeys,
  usePrefetchVersions,
  useSaveDocument,
  useVersions,
  type VersionedDocument,
} from '../client/index.ts';
import { useQueryClient } from '@tanstack/react-query';
import {
  describeVersionRestoreFailure,
  type VersionRestoreFailure,
} from './describe-version-restore.ts';
import { CompareWithSelect } from './compare-with-select.tsx';
import { recordSeenVersion } from './seen-versions.ts';
import { EditorLink } from './editor-link.tsx';
import { ShownDiff } from './shown-diff.tsx';

/**
 * What one version changed (from the version before it, or from any other chosen to compare
 * with), and "Restore this version": a guarded save of its text over the current version, so
 * history only grows and a save that landed meanwhile is never overwritten unseen.
 */
/**
 * What one version changed (from the version before it, or from any other chosen to compare
 * with), and "Restore this version": a guarded save of its text over the current version, so
 * history only grows and a save that landed meanwhile is never overwritten unseen.
 */
export function VersionChanges(props: {
  id: string;
  version: number;
  /** The version compared with: the one before unless another was chosen (0: nothing). */
  compareWith: number;
  /** Called with the version shown and the one chosen to compare it with. */
  onCompare: (selection: { version: number; compare: number }) => void;
  /** The newest version's number: every version from it down to 1 can be compared with. */
  newest: number;
  current: VersionedDocument;
  /** A viewer's history: every version can be read, none restored. */
  readOnly?: boolean;
}) {
  const { version, compareWith } = props;
  const label =
    compareWith === version - 1
      ? `Changes in version ${version}`
      : `Changes from version ${compareWith || 'none'} to version ${version}`;
  return (
    <section role="region" aria-label={label} className="version-changes">
      <h2>{label}</h2>
      {/* Kept across versions: only the diff and the restore start afresh for another one. */}
      <CompareWithSelect
        version={version}
        compareWith={compareWith}
        newest={props.newest}
        onCompare={props.onCompare}
      />
      <VersionDiff
        key={version}
        id={props.id}
        version={version}
        compareWith={compareWith}
        current={props.current}
        readOnly={props.readOnly}
      />
    </section>
  );
}

// The neighbours of a version shown are fetched ahead only for texts up to this many
// characters: for larger ones a guess would cost more than the wait it might save.
const neighbourPrefetchChars = 256 * 1024;

/** The changes themselves and "Restore this version", for one version. */
function VersionDiff(props: {
  id: string;
  version: number;
  compareWith: number;
  current: VersionedDocument;
  /** A viewer's history: no "Restore this version". */
  readOnly?: boolean;
}) {
  const { id, version, compareWith, current } = props;
  const [after, before] = useVersions(id, compareWith > 0 ? [version, compareWith] : [version]);
  const queryClient = useQueryClient();
  const save = useSaveDocument(id);
  const [failure, setFailure] = useState<VersionRestoreFailure>();
  const [restoredAs, setRestoredAs] = useState<number>();
  const loaded = Boolean(after?.data && (compareWith === 0 || before?.data));
  const prefetch = usePrefetchVersions(id);
  const small = after?.data !== undefined && after.data.body.length <= neighbourPrefetchChars;
  useEffect(() => {
    // The neighbours' changes, for a person walking the list: the one above needs only the
    // version after this one, the one below only the version before the one before.
    if (loaded && small)
      prefetch([version + 1, version - 2].filter((n) => n <= current.doc.version));
  }, [loaded, small, prefetch, version, current.doc.version]);
  const restore = () => {
    if (!after?.data) return;
    setFailure(undefined);
    const { title, body } = after.data;
    save.mutate(
      { title, body, etag: current.etag, resolution: 'restored' },
      {
        onSuccess: (saved) => {
          setRestoredAs(saved.doc.version);
          // The person's own save: the editor need not point it out as a change since last seen.
          recordSeenVersion(id, { version: saved.doc.version, etag: saved.etag });
        },
        onError: (error) => {
          // The newer version is the one a second try must be guarded by.
          const problem = conflictProblemOf(error);
          if (problem)
            queryClient.setQueryData(docKeys.detail(id), {
              doc: problem.current,
              etag: problem.current_etag,
            });
          setFailure(describeVersionRestoreFailure(error, version));
        },
      },
    );
  };
  return (
    <>
      {loaded ? (
        <ShownDiff before={before?.data?.body ?? ''} after={after!.data!.body} />
      ) : (
        <p>Loading…</p>
      )}
      {restoredAs !== undefined ? (
        <p role="status" className="notice">
          Restored: version {version}’s text is now version {restoredAs}. <EditorLink id={id} />
        </p>
      ) : (
        version !== current.doc.version &&
        !props.readOnly && (
          <button type="button" onClick={restore} disabled={!after?.data || save.isPending}>
            Restore this version
          </button>
        )
      )}
      {failure && (
        <div role="alert" className="notice notice--alert">
          {failure.message}{' '}
          {failure.kind === 'newer' && (
            <>
              <button type="button" onClick={restore} disabled={save.isPending}>
                Try again
              </button>{' '}
              <EditorLink id={id} />
            </>
          )}
        </div>
      )}
    </>
  );
}
