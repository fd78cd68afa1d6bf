import { useCallback, useEffect, useRef, useState } from 'react';
import {
  ApiError,
  clearDraft,
  conflictProblemOf,
  isSaveConflict,
  loadDraft,
  storeDraft,
  useConcordClient,
  useDocument,
  useSaveDocument,
  type VersionedDocument,
} from '../client/index.ts';
import { ConflictDialog, type Resolution } from '../conflict/index.ts';
import type { DocumentInput } from '../protocol/index.ts';
import { describeError } from './describe-error.ts';
import {
  baseOf,
  cleanSession,
  isDirty,
  sameContent,
  type EditorSession,
} from './editor-session.ts';
import { formatWhen } from './format-when.ts';
import { linkProps } from './router.ts';

/** `/docs/{id}`: loads the document, then edits it. */
export function EditorPage({ id }: { id: string }) {
  const query = useDocument(id);
  if (query.isPending) return <p>Loading…</p>;
  if (query.isError) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <p role="alert">
        {missing
          ? 'This document does not exist (it may have been deleted).'
          : describeError(query.error)}{' '}
        <a {...linkProps('/')}>Back to your documents</a>
      </p>
    );
  }
  return <Editor id={id} loaded={query.data} />;
}

/** An open conflict: the three versions the dialog merges, and the ETag to save against. */
interface OpenConflict {
  base: DocumentInput;
  mine: DocumentInput;
  theirs: VersionedDocument;
}

function Editor({ id, loaded }: { id: string; loaded: VersionedDocument }) {
  const client = useConcordClient();
  const [restored] = useState(() => loadDraft(id));
  const [session, setSession] = useState<EditorSession>(() => restored ?? cleanSession(loaded));
  const [conflict, setConflict] = useState<OpenConflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [backupFailed, setBackupFailed] = useState(false);
  const sessionRef = useRef(session);
  sessionRef.current = session;

  // Every change is backed up to this tab's draft before anything else can go wrong.
  useEffect(() => {
    if (isDirty(session) || session.discarded) setBackupFailed(!storeDraft(id, session));
    else clearDraft(id);
  }, [id, session]);

  // With nothing unsaved, follow the newest version the server has (a refetch found one).
  useEffect(() => {
    setSession((s) =>
      !isDirty(s) && !s.discarded && loaded.doc.version > s.base.version ? cleanSession(loaded) : s,
    );
  }, [loaded]);

  const openConflict = useCallback(
    async (saveError: unknown, base: DocumentInput, mine: DocumentInput) => {
      const problem = conflictProblemOf(saveError);
      // A 412 from a server that sends no body: fetch the current version to merge with.
      const theirs = problem
        ? { doc: problem.current, etag: problem.current_etag }
        : await client.getDocument(id);
      setConflict({ base, mine, theirs });
    },
    [client, id],
  );

  const save = useSaveDocument(id);

  const requestSave = () => {
    if (save.isPending || conflict) return;
    const sent = sessionRef.current;
    setError(null);
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
          if (isSaveConflict(saveError)) {
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

  const edit = (change: Partial<DocumentInput>) =>
    setSession((s) => ({ ...s, mine: { ...s.mine, ...change } }));
  const dirty = isDirty(session);

  return (
    <section className="editor" aria-label="Editor">
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
            {dirty ? 'Unsaved changes' : 'Saved'}
          </span>
          <span className="muted">
            version {session.base.version}
            {loaded.doc.updated_by && ` · last saved by ${loaded.doc.updated_by}`}
          </span>
          <button type="submit" className="primary" aria-keyshortcuts="Control+S Meta+S">
            Save
          </button>
        </div>
        {restored && isDirty(restored) && (
          <p className="notice">
            Restored your unsaved edits from {formatWhen(restored.savedAt)} (started from version{' '}
            {restored.base.version}).
          </p>
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
          busy={save.isPending}
          error={error ?? undefined}
          onResolve={resolve}
          onCancel={() => setConflict(null)}
        />
      )}
    </section>
  );
}
