import { useQuery } from '@tanstack/react-query';
import { ConflictDialog, readVersioned, useGuardedSave, type Versioned } from '@concord/react';
import { useState } from 'react';
import { germanLabels } from './german-labels.ts';

/**
 * Edits one text stored at `url`: GET gives it with its ETag, PUT saves it with If-Match. When
 * someone else saved first, the server answers 412 with no body, and Concord's dialog merges.
 */
export function NoteEditor(props: { url: string }) {
  const note = useQuery({
    queryKey: ['note', props.url],
    queryFn: () => loadNote(props.url),
    // The editor owns the text once loaded; a refetch must not replace a draft.
    staleTime: Infinity,
  });
  if (note.isPending) return <p>Loading…</p>;
  if (note.isError) return <p role="alert">{note.error.message}</p>;
  return <NoteForm url={props.url} loaded={note.data} />;
}

function NoteForm(props: { url: string; loaded: Versioned }) {
  // `version` is what the server holds as far as we know: the merge base of the next save.
  const [version, setVersion] = useState(props.loaded);
  const [draft, setDraft] = useState(props.loaded.text);
  const [tookTheirs, setTookTheirs] = useState(false);
  const saving = useGuardedSave(
    { url: props.url },
    {
      onSaved: (saved) => {
        setVersion(saved);
        setDraft(saved.text);
        setTookTheirs(saved.how === 'theirs');
      },
    },
  );

  return (
    <main>
      <h1>Note</h1>
      <textarea
        aria-label="Note"
        rows={10}
        cols={60}
        value={draft}
        readOnly={saving.isPending}
        onChange={(e) => setDraft(e.target.value)}
      />
      <p>
        <button
          type="button"
          disabled={saving.isPending}
          onClick={() => saving.save({ base: version.text, text: draft, etag: version.etag })}
        >
          Save
        </button>{' '}
        <span role="status">
          {draft !== version.text ? 'Unsaved changes' : tookTheirs ? 'Their version kept' : 'Saved'}
        </span>
      </p>
      {saving.error && !saving.conflict && <p role="alert">{saving.error.message}</p>}
      {saving.conflict && (
        <ConflictDialog
          base={saving.conflict.base}
          mine={saving.conflict.mine}
          theirs={saving.conflict.theirs}
          onResolve={saving.resolve}
          onCancel={saving.cancel}
          busy={saving.isPending}
          error={saving.error?.message}
          colorScheme={colorScheme()}
          className="note-conflict"
          labels={new URLSearchParams(location.search).get('lang') === 'de' ? germanLabels : {}}
        />
      )}
    </main>
  );
}

/** `?scheme=light` or `?scheme=dark` fixes the dialog's colours; else they follow the system. */
function colorScheme(): 'light' | 'dark' | 'auto' {
  const scheme = new URLSearchParams(location.search).get('scheme');
  return scheme === 'light' || scheme === 'dark' ? scheme : 'auto';
}

// A cached answer could carry an old ETag: ask the server itself.
const loadNote = async (url: string) => readVersioned(await fetch(url, { cache: 'no-store' }));
