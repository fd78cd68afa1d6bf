/**
 * What a viewer's editor says above the fields: that they can read the document, not change
 * it, and whom to ask.
 */
export function ReadOnlyNote({ owner }: { owner: string | undefined }) {
  return (
    <p className="notice">
      {owner
        ? `Read only: ${owner} shared this document with you to view. Only ${owner} or an editor can change it; ask ${owner} to make you an editor.`
        : 'Read only: this document is shared with you to view, not to change.'}
    </p>
  );
}
