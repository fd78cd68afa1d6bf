import { useCallback, useEffect, useRef, useState } from 'react';
import {
  ApiError,
  clearDraft,
  conflictProblemOf,
  isSaveConflict,
  loadDraft,
  useConcordClient,
  useCreateDocument,
  useDocument,
  useDocumentEvents,
  useSaveDocument,
  type DraftResolution,
  type VersionedDocument,
} from '../client/index.ts';
import {
  ConflictDialog,
  countConflictsLeft,
  createResolution,
  type Resolution,
  type ResolutionState,
} from '../conflict/index.ts';
import type { DocumentInput } from '../protocol/index.ts';
import { describeError } from './describe-error.ts';
import {
  baseOf,
  cleanSession,
  isDirty,
  largeBodyChars,
  sameContent,
  sessionOf,
  type EditorSession,
} from './editor-session.ts';
import { formatWhen } from './format-when.ts';
import {
  prepareResolution,
  resolutionInput,
  takePreparedResolution,
} from './prepare-resolution.ts';
import { useClosedTabDraft } from './use-closed-tab-draft.ts';
import { useDraftBackup } from './use-draft-backup.ts';
import { linkProps, navigate } from './router.ts';

/** Prose merges best by words: edits to different sentences of one paragraph both stay. */
const granularity = 'word';

/** `/docs/{id}`: loads the document, then edits it. */
export function EditorPage({ id }: { id: string }) {
  const query = useDocument(id);
  const events = useDocumentEvents(id);
  if (query.isPending) return <p>Loading…</p>;
  const gone = query.error instanceof ApiError && query.error.status === 404;
  // Once loaded, the editor stays even if the document disappears: it holds the person's text.
  if (query.data) return <Editor id={id} loaded={query.data} deleted={events.deleted || gone} />;
  return (
    <p role="alert">
      {gone
        ? 'This document does not exist (it may have been deleted).'
        : describeError(query.error)}{' '}
      <a {...linkProps('/')}>Back to your documents</a>
    </p>
  );
}

/**
 * An open conflict: the three versions the dialog merges, the ETag to save against (theirs'), and
 * how far the person got. `mode` is `save` when a save was refused, `draft` when a newer version
 * is being merged into the draft without saving.
 */
type OpenConflict = DraftResolution;

// In draft mode nothing is saved: the primary action only puts the merge into the editor.
const draftLabels = { saveMerged: 'Use merged version' };

function Editor(props: { id: string; loaded: VersionedDocument; deleted: boolean }) {
  const { id, loaded } = props;
  const client = useConcordClient();
  const [restored] = useState(() => loadDraft(id));
  const [session, setSession] = useState<EditorSession>(() =>
    restored ? sessionOf(restored) : cleanSession(loaded),
  );
  // A conflict dialog open before a reload opens again, with the work done in it.
  const [conflict, setConflict] = useState<OpenConflict | null>(() => restored?.resolving ?? null);
  // A merge prepared in a worker, for the conflict whose theirs has this ETag.
  const [prepared, setPrepared] = useState<{ etag: string; state: ResolutionState } | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [deletedOnSave, setDeletedOnSave] = useState(false);
  const deleted = props.deleted || deletedOnSave;
  const sessionRef = useRef(session);
  sessionRef.current = session;

  const backupFailed = useDraftBackup(id, session, conflict);
  // A tab that was closed may have left unsaved edits of this document: offer them back.
  const closedTabs = useClosedTabDraft(id, !restored);
  const closedTab = closedTabs.found;
  const restoreClosedTab = () => {
    if (!closedTab) return;
    const { draft } = closedTab;
    closedTabs.forget();
    setSession(sessionOf(draft));
    setConflict(draft.resolving ?? null);
    setNote(
      `Restored the edits of a closed tab from ${formatWhen(draft.savedAt)} (started from version ${draft.base.version}).`,
    );
  };

  // With nothing unsaved, follow the newest version the server has (a refetch found one).
  useEffect(() => {
    setSession((s) =>
      !isDirty(s) && loaded.doc.version > s.base.version
        ? { ...cleanSession(loaded), discarded: s.discarded }
        : s,
    );
  }, [loaded]);

  const openConflict = useCallback(
    async (saveError: unknown, base: DocumentInput, mine: DocumentInput) => {
      const problem = conflictProblemOf(saveError);
      // A 412 from a server that sends no body: fetch the current version to merge with.
      const theirs = problem
        ? { doc: problem.current, etag: problem.current_etag }
        : await client.getDocument(id);
      // Usually the newer version was known before the save: its merge may be ready already.
      const state = await takePreparedResolution(resolutionInput(base, mine, theirs), granularity);
      setPrepared(state && { etag: theirs.etag, state });
      setConflict({ base, mine, theirs, mode: 'save' });
    },
    [client, id],
  );

  const save = useSaveDocument(id);

  const requestSave = () => {
    if (save.isPending || conflict) return;
    const sent = sessionRef.current;
    setError(null);
    setNote(null);
    save.mutate(
      { ...sent.mine, etag: sent.base.etag },
      {
        onSuccess: (saved) =>
          setSession((s) => ({
            base: baseOf(saved),
            // Keep what was typed while the save was on its way.
            mine: sameContent(s.mine, sent.mine)
              ? { title: saved.doc.title, body: saved.doc.body }
              : s.mine,
          })),
        onError: (saveError) => {
          if (saveError instanceof ApiError && saveError.status === 404) {
            setDeletedOnSave(true);
          } else if (isSaveConflict(saveError)) {
            const now = sessionRef.current;
            openConflict(saveError, now.base, now.mine).catch((e: unknown) =>
              setError(describeError(e)),
            );
          } else {
            setError(describeError(saveError));
          }
        },
      },
    );
  };

  const resolve = (resolution: Resolution) => {
    if (!conflict) return;
    const { theirs } = conflict;
    if (resolution.how === 'theirs') {
      // Their version is already saved; mine stays recoverable until the next save.
      const dropped = sessionRef.current;
      setSession({
        ...cleanSession(theirs),
        discarded: { base: dropped.base, mine: dropped.mine },
      });
      setConflict(null);
      return;
    }
    const content = { title: resolution.title, body: resolution.body };
    if (conflict.mode === 'draft') {
      // Only the draft changes: it now starts from their version, so the next save is clean.
      setSession({ base: baseOf(theirs), mine: content });
      setConflict(null);
      return;
    }
    // The resolution is the person's work now: back it up against theirs before sending it.
    setSession({ base: baseOf(theirs), mine: content });
    setError(null);
    save.mutate(
      { ...content, etag: theirs.etag },
      {
        onSuccess: (saved) => {
          setSession((s) => ({
            base: baseOf(saved),
            mine: sameContent(s.mine, content)
              ? { title: saved.doc.title, body: saved.doc.body }
              : s.mine,
          }));
          setConflict(null);
        },
        onError: (saveError) => {
          if (isSaveConflict(saveError)) {
            // Yet another save landed: merge the resolution onto the newer version.
            openConflict(
              saveError,
              { title: theirs.doc.title, body: theirs.doc.body },
              content,
            ).catch((e: unknown) => setError(describeError(e)));
          } else {
            setError(describeError(saveError));
          }
        },
      },
    );
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        requestSaveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const requestSaveRef = useRef(requestSave);
  requestSaveRef.current = requestSave;

  const mergeNewerVersion = () => {
    const now = sessionRef.current;
    const resolution = createResolution(
      {
        base: now.base.body,
        mine: now.mine.body,
        theirs: loaded.doc.body,
        titles: { base: now.base.title, mine: now.mine.title, theirs: loaded.doc.title },
      },
      { granularity },
    );
    const who = loaded.doc.updated_by || 'someone else';
    if (countConflictsLeft(resolution) === 0) {
      setSession({
        base: baseOf(loaded),
        mine: { title: resolution.title.value, body: resolution.text },
      });
      setNote(`Merged the changes ${who} saved (version ${loaded.doc.version}) into your draft.`);
      return;
    }
    setConflict({ base: now.base, mine: now.mine, theirs: loaded, mode: 'draft' });
  };

  const create = useCreateDocument();
  const saveAsNew = () => {
    const { mine } = sessionRef.current;
    const attempt = (title: string, retry: boolean) =>
      create.mutate(
        { input: { title, body: mine.body }, idempotencyKey: crypto.randomUUID() },
        {
          onSuccess: ({ doc }) => {
            clearDraft(id);
            navigate(`/docs/${encodeURIComponent(doc.id)}`);
          },
          onError: (createError) => {
            // The old title may be taken again already: try once with a suffix.
            if (retry && createError instanceof ApiError && createError.status === 409) {
              attempt(`${mine.title} (recovered)`, false);
            } else setError(describeError(createError));
          },
        },
      );
    attempt(mine.title, true);
  };

  const newer =
    !deleted && !conflict && isDirty(session) && loaded.doc.version > session.base.version;

  // While a newer version waits, merge it with the draft in a worker (after a pause in typing),
  // so that a save refused for it opens the dialog at once.
  useEffect(() => {
    if (!newer) return;
    const timer = setTimeout(
      () => prepareResolution(resolutionInput(session.base, session.mine, loaded), granularity),
      200,
    );
    return () => clearTimeout(timer);
  }, [newer, session, loaded]);

  const edit = (change: Partial<DocumentInput>) =>
    setSession((s) => ({ ...s, mine: { ...s.mine, ...change } }));
  const dirty = isDirty(session);

  return (
    <section
      className="editor"
      aria-label="Editor"
      // For tests and debugging: whether the search for closed tabs' drafts has finished.
      data-closed-tab-search={closedTabs.searched ? 'done' : 'pending'}
    >
      <form
        className="editor-form"
        onSubmit={(e) => {
          e.preventDefault();
          requestSave();
        }}
      >
        <div className="editor-bar">
          <a {...linkProps('/')}>← Documents</a>
          <span role="status" className={dirty ? 'status status--dirty' : 'status'}>
            {/* Offline, TanStack Query holds the save and sends it when the browser is back. */}
            {save.isPaused
              ? 'Offline: saves when back online'
              : save.isPending
                ? 'Saving…'
                : dirty
                  ? 'Unsaved changes'
                  : 'Saved'}
          </span>
          <span className="muted">
            version {session.base.version}
            {loaded.doc.updated_by && ` · last saved by ${loaded.doc.updated_by}`}
          </span>
          <button type="submit" className="primary" aria-keyshortcuts="Control+S Meta+S">
            Save
          </button>
        </div>
        {newer && (
          <div className="notice" role="region" aria-label="Newer version" aria-live="polite">
            {loaded.doc.updated_by || 'Someone'} saved a newer version (version {loaded.doc.version}
            ) while you were editing.{' '}
            <button type="button" onClick={mergeNewerVersion}>
              Merge their changes
            </button>
          </div>
        )}
        {deleted && (
          <div className="notice notice--alert" role="alert">
            This document was deleted. Your text is still here.{' '}
            <button type="button" onClick={saveAsNew} disabled={create.isPending}>
              Save as a new document
            </button>
          </div>
        )}
        {note && (
          <p className="notice" aria-live="polite">
            {note}
          </p>
        )}
        {restored && isDirty(restored) && (
          <p className="notice">
            Restored your unsaved edits from {formatWhen(restored.savedAt)} (started from version{' '}
            {restored.base.version}).
          </p>
        )}
        {closedTab && !dirty && !conflict && (
          <div className="notice" role="region" aria-label="Unsaved edits from a closed tab">
            A tab that was closed left unsaved edits to this document, from{' '}
            {formatWhen(closedTab.draft.savedAt)}.{' '}
            <button type="button" onClick={restoreClosedTab}>
              Restore them
            </button>{' '}
            <button type="button" onClick={closedTabs.forget}>
              Discard them
            </button>
          </div>
        )}
        {session.discarded && (
          <div className="notice" role="region" aria-label="Discarded edits">
            You took their version; your own edits are kept until your next save.{' '}
            <button
              type="button"
              onClick={() => {
                const { discarded } = session;
                if (discarded) setSession({ base: discarded.base, mine: discarded.mine });
              }}
            >
              Restore my edits
            </button>
          </div>
        )}
        {backupFailed && (
          <p role="alert">
            This browser refused to back up your edits (storage full). Save soon to keep them.
          </p>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <label className="field">
          Title
          <input value={session.mine.title} onChange={(e) => edit({ title: e.target.value })} />
        </label>
        <label className="field field--grow">
          Body
          <textarea
            value={session.mine.body}
            // Behind an open dialog a huge textarea only costs layout time (about 0.3 s at
            // 20,000 lines): take it out of the page until the dialog closes.
            hidden={conflict !== null && session.mine.body.length > largeBodyChars}
            onChange={(e) => edit({ body: e.target.value })}
            spellCheck
          />
        </label>
      </form>
      {conflict && (
        <ConflictDialog
          base={conflict.base.body}
          mine={conflict.mine.body}
          theirs={conflict.theirs.doc.body}
          titles={{
            base: conflict.base.title,
            mine: conflict.mine.title,
            theirs: conflict.theirs.doc.title,
          }}
          theirsAuthor={conflict.theirs.doc.updated_by || undefined}
          granularity={granularity}
          labels={conflict.mode === 'draft' ? draftLabels : undefined}
          busy={save.isPending}
          error={error ?? undefined}
          onResolve={resolve}
          onCancel={() => setConflict(null)}
          progress={conflict.progress}
          resolution={
            conflict.mode === 'save' && prepared?.etag === conflict.theirs.etag
              ? prepared.state
              : undefined
          }
          onProgress={(progress) => setConflict((c) => (c ? { ...c, progress } : c))}
        />
      )}
    </section>
  );
}
