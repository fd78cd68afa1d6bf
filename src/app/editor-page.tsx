import { Link } from '@tanstack/react-router';
import { useRef } from 'react';
import {
  ApiError,
  useMembers,
  useDocument,
  useDocumentEvents,
  type Draft,
  type VersionedDocument,
} from '../client/index.ts';
import { ConflictDialog } from '../conflict/index.ts';
import { BodyField } from './body-field.tsx';
import { ChangedSinceSeenNotice } from './changed-since-seen-notice.tsx';
import { DeleteDocumentButton } from './delete-document-button.tsx';
import { describeError } from './describe-error.ts';
import { describeVersionLine } from './describe-version-line.ts';
import { isDialogOpen } from './editor-flow.ts';
import { EditorNotices } from './editor-notices.tsx';
import { HistoryButton } from './history-button.tsx';
import { granularity, isDirty, largeBodyChars } from './editor-session.ts';
import { LiveUpdateNotice } from './live-update-notice.tsx';
import { TitleField } from './title-field.tsx';
import { useChangedSinceSeen } from './use-changed-since-seen.ts';
import { useEditorFlow } from './use-editor-flow.ts';
import { useRestoreAndSave } from './use-restore-and-save.ts';
import { useSaveAsNew } from './use-save-as-new.ts';
import { useStoredDraft } from './use-stored-draft.ts';
import { ShareButton } from './share-dialog.tsx';
import { ReadOnlyNote } from './read-only-note.tsx';
import { draftLabels, restoreLabels } from './restore-labels.ts';

/** `/docs/{id}`: loads the document, then edits it. */
export function EditorPage({ id }: { id: string }) {
  const query = useDocument(id);
  const events = useDocumentEvents(id);
  const stored = useStoredDraft(id);
  if (query.isPending || stored.pending) return <p>Loading…</p>;
  const gone = query.error instanceof ApiError && query.error.status === 404;
  // Once loaded, the editor stays even if the document disappears: it holds the person's text.
  if (query.data)
    return (
      <Editor
        id={id}
        loaded={query.data}
        restored={stored.draft}
        deleted={events.deleted || gone}
        savedInThisBrowser={events.savedInThisBrowser}
      />
    );
  return (
    <p role="alert">
      {gone
        ? 'This document does not exist, or it is not shared with you (it may have been deleted).'
        : describeError(query.error)}{' '}
      <Link to="/">Back to your documents</Link>
    </p>
  );
}

// In draft and restore modes nothing is saved: the names say so (restore-labels.ts).
const modeLabels = { save: undefined, draft: draftLabels, restore: restoreLabels };

/** The editor of a loaded document: renders the flow's state and hands events to it. */
function Editor(props: {
  id: string;
  loaded: VersionedDocument;
  restored: Draft | undefined;
  deleted: boolean;
  savedInThisBrowser: ReadonlySet<string>;
}) {
  const { id, loaded } = props;
  // Until the role is known (or on a server without sharing) the editor is as it always was:
  // the server still refuses what one may not do.
  const yourRole = useMembers(id).data;
  const readOnly = yourRole?.your_role === 'viewer';
  const owner = yourRole?.items.find((member) => member.role === 'owner')?.username;
  const flow = useEditorFlow(id, loaded, props.deleted, props.restored, readOnly);
  const { session, conflict, prepared, error } = flow.state;
  const create = useSaveAsNew(id, flow.fail);
  const restore = useRestoreAndSave(id, flow.deleted, props.deleted, flow.requestSave);
  const dirty = isDirty(session);
  const seen = useChangedSinceSeen(id, loaded, session.base, props.restored);
  const sectionRef = useRef<HTMLElement>(null);

  return (
    <section
      ref={sectionRef}
      className="editor"
      aria-label="Editor"
      // For tests and debugging: whether the search for closed tabs' drafts has finished.
      data-closed-tab-search={flow.closedTabs.searched ? 'done' : 'pending'}
    >
      <form
        className="editor-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!readOnly) flow.requestSave();
        }}
      >
        <div className="editor-bar">
          <Link to="/">← Documents</Link>
          <span role="status" className={dirty ? 'status status--dirty' : 'status'}>
            {/* Offline, TanStack Query holds the save and sends it when the browser is back. */}
            {flow.save.isPaused
              ? 'Offline: saves when back online'
              : flow.save.isPending
                ? 'Saving…'
                : dirty
                  ? 'Unsaved changes'
                  : 'Saved'}
          </span>
          <span className="muted">{describeVersionLine(session.base.version, loaded.doc)}</span>
          {/* One group that wraps as a whole, the primary action last: at the row's end. */}
          <div className="editor-actions">
            <HistoryButton id={id} />
            {yourRole?.your_role === 'owner' && <ShareButton id={id} />}
            {!readOnly && (
              <DeleteDocumentButton
                id={id}
                title={loaded.doc.title}
                etag={loaded.etag}
                dirty={dirty}
              />
            )}
            {!readOnly && (
              <button type="submit" className="primary" aria-keyshortcuts="Control+S Meta+S">
                Save
              </button>
            )}
          </div>
        </div>
        {readOnly && <ReadOnlyNote owner={owner} />}
        {seen.change && (
          <ChangedSinceSeenNotice
            id={id}
            change={seen.change}
            onDismiss={() => {
              seen.dismiss();
              // The notice and its button go: reading (or writing) goes on in the body.
              sectionRef.current?.querySelector('textarea')?.focus();
            }}
          />
        )}
        <EditorNotices
          flow={flow}
          loaded={loaded}
          savedInThisBrowser={props.savedInThisBrowser}
          restore={restore}
          saveAsNew={() => create.saveAsNew(session.mine)}
          creating={create.isPending}
        />
        <LiveUpdateNotice
          update={flow.state.liveUpdate}
          savedInThisBrowser={props.savedInThisBrowser}
        />
        <TitleField
          value={session.mine.title}
          onChange={(title) => flow.edit({ title })}
          taken={flow.state.titleTaken}
          readOnly={readOnly}
        />
        <BodyField
          value={session.mine.body}
          title={session.mine.title}
          // Behind an open dialog a huge textarea only costs layout time (about 0.3 s at
          // 20,000 lines): take it out of the page until the dialog closes.
          hidden={isDialogOpen(flow.state) && session.mine.body.length > largeBodyChars}
          onChange={(body) => flow.edit({ body })}
          readOnly={readOnly}
        />
      </form>
      {conflict && isDialogOpen(flow.state) && (
        // The merged result's keystrokes bubble here before the render they cause (its only
        // textarea: the title is an input); the dialog reports its progress only after it.
        <div
          style={{ display: 'contents' }}
          onChange={(e) =>
            e.target instanceof HTMLTextAreaElement && flow.resultTyped(e.target.value)
          }
        >
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
            theirsVersion={conflict.theirs.doc.version}
            granularity={granularity}
            labels={modeLabels[conflict.mode]}
            busy={flow.save.isPending}
            error={error ?? undefined}
            onResolve={flow.resolve}
            onCancel={flow.cancel}
            progress={conflict.progress}
            resolution={
              conflict.mode === 'save' && prepared?.etag === conflict.theirs.etag
                ? prepared.state
                : undefined
            }
            onProgress={flow.progress}
          />
        </div>
      )}
    </section>
  );
}
