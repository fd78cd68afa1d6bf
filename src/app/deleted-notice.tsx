/**
 * "This document was deleted": the person's text is still in the editor, and two ways keep it —
 * bring the document back from the trash and save the edits into it, or save them as a new one.
 */
export function DeletedNotice(props: {
  restoreAndSave: () => void;
  restoring: boolean;
  restoreError: string | undefined;
  saveAsNew: () => void;
  creating: boolean;
}) {
  const busy = props.restoring || props.creating;
  return (
    <div className="notice notice--alert" role="alert">
      This document was deleted (it is in the trash). Your text is still here.{' '}
      <button type="button" onClick={props.restoreAndSave} disabled={busy}>
        Restore and save
      </button>{' '}
      <button type="button" onClick={props.saveAsNew} disabled={busy}>
        Save as a new document
      </button>
      {props.restoreError && <p className="error">{props.restoreError}</p>}
    </div>
  );
}
