import { useEffect, useState } from 'react';
import {
  loadUserName,
  useVersionsBetween,
  type Draft,
  type DraftBase,
  type VersionedDocument,
} from '../client/index.ts';
import {
  decideChangedSinceSeen,
  mayRecordShown,
  needsNewerVersions,
  type ChangedSinceSeen,
} from './decide-changed-since-seen.ts';
import { readSeenVersion, recordSeenVersion, type SeenVersion } from './seen-versions.ts';
import { useSession } from './session-store.ts';

/**
 * Remembers which version of document `id` this browser shows (the editor's base: loaded, saved,
 * taken, followed live), and, once on opening, what changed since the one it showed before:
 * `change` for the "Changed since you last saw it" notice; `dismiss` records the current version
 * as seen and hides it. While the notice shows, the version it is about is not recorded.
 */
export function useChangedSinceSeen(
  id: string,
  loaded: VersionedDocument,
  shown: DraftBase,
  restored: Draft | undefined,
): { change: ChangedSinceSeen | undefined; dismiss: () => void } {
  // Decided against what the page opened on: a version followed live since has its own notice.
  const [start] = useState(() => ({
    // A restored draft's base was shown in this browser too (drafts kept before this record).
    seen: newestOf(
      readSeenVersion(id),
      restored && { version: restored.base.version, etag: restored.base.etag },
    ),
    opened: { version: loaded.doc.version, etag: loaded.etag },
  }));
  const [dismissed, setDismissed] = useState(false);
  const session = useSession();
  const me = session.status === 'signedIn' ? session.session.username : loadUserName();
  const wanted = !dismissed && needsNewerVersions(start.seen, start.opened);
  const newer = useVersionsBetween(id, start.seen?.version ?? 0, start.opened.version, wanted);
  const change = dismissed
    ? undefined
    : decideChangedSinceSeen({ ...start, newer: newer.data, me });
  const deciding = wanted && newer.data === undefined && !newer.isError;
  const may = mayRecordShown({
    shownVersion: shown.version,
    openedVersion: start.opened.version,
    notice: change ? 'showing' : deciding ? 'deciding' : 'none',
  });
  useEffect(() => {
    if (may) recordSeenVersion(id, { version: shown.version, etag: shown.etag });
  }, [id, may, shown.version, shown.etag]);
  return {
    change,
    dismiss: () => {
      recordSeenVersion(id, { version: loaded.doc.version, etag: loaded.etag });
      setDismissed(true);
    },
  };
}

function newestOf(a: SeenVersion | undefined, b: SeenVersion | undefined): SeenVersion | undefined {
  if (!a || !b) return a ?? b;
  return a.version >= b.version ? a : b;
}
