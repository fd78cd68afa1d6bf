import type { VersionedDocument } from '../client/index.ts';
import { DeletedNotice } from './deleted-notice.tsx';
import { describeNewerVersion, nameMergeNewerButton } from './describe-newer-version.ts';
import { isDirty } from './editor-session.ts';
import { formatWhen } from './format-when.ts';
import { MergedNotice } from './merged-notice.tsx';
import type { useEditorFlow } from './use-editor-flow.ts';
import type { useRestoreAndSave } from './use-restore-and-save.ts';

/** The notices above the editor's fields: what happened to the text, and what can be done. */
export function EditorNotices(props: {
  flow: ReturnType<typeof useEditorFlow>;
  loaded: VersionedDocument;
  /** The ETags of versions this browser's other tabs saved (the person's own saves). */
  savedInThisBrowser: ReadonlySet<string>;
  /** Whether the document shows as deleted, and "Restore and save" (use-restore-and-save.ts). */
  restore: ReturnType<typeof useRestoreAndSave>;
  saveAsNew: () => void;
  creating: boolean;
}) {
  const { flow, loaded } = props;
  const { session, conflict, note, error, merged } = flow.state;
  const { restored, closedTabs } = flow;
  const closedTab = closedTabs.found;
  const saver = {
    updatedBy: loaded.doc.updated_by,
    savedInThisBrowser: props.savedInThisBrowser.has(loaded.etag),
  };
  return (
    <>
      {flow.newer && (
        <div className="notice" role="region" aria-label="Newer version" aria-live="polite">
          {describeNewerVersion(saver, loaded.doc.version)}{' '}
          <button type="button" onClick={flow.mergeNewer}>
            {nameMergeNewerButton(saver)}
          </button>
        </div>
      )}
      {props.restore.deleted && (
        <DeletedNotice
          restoreAndSave={props.restore.restoreAndSave}
          restoring={props.restore.isPending}
          restoreError={props.restore.error}
          saveAsNew={props.saveAsNew}
          creating={props.creating}
        />
      )}
      {merged && (
        <MergedNotice
          merged={merged}
          ownSave={props.savedInThisBrowser.has(merged.etag)}
          onUndo={flow.undoMerge}
        />
      )}
      {conflict?.setAside && (
        <p className="notice" aria-live="polite">
          Your work in the conflict dialog is kept: Save to go on where you left off.
        </p>
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
      {closedTab && !isDirty(session) && !conflict && (
        <div className="notice" role="region" aria-label="Unsaved edits from a closed tab">
          A tab that was closed left unsaved edits to this document, from{' '}
          {formatWhen(closedTab.draft.savedAt)}.{' '}
          <button type="button" onClick={flow.restoreClosedTab}>
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
          <button type="button" onClick={flow.restoreDiscarded}>
            Restore my edits
          </button>
        </div>
      )}
      {flow.backupFailed && (
        <p role="alert">
          This browser refused to back up your edits (storage full). Save soon to keep them.
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}
