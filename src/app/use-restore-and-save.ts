import { useEffect, useState } from 'react';
import { useRestoreDocument } from '../client/index.ts';
import {
  describeRestoreFailure,
  followStream,
  isDeletedShown,
  markRestore,
  type RestoreMark,
} from './restore-mark.ts';

/**
 * "Restore and save" for an editor whose document went to the trash: brings it back (history,
 * version and ETag unchanged), then asks for the ordinary guarded save of the person's edits —
 * so a version saved by someone else before the delete leads to the conflict dialog, as any
 * newer version does. Returns whether the editor shows the document as deleted.
 */
export function useRestoreAndSave(
  id: string,
  flowSaysDeleted: boolean,
  streamSaysDeleted: boolean,
  requestSave: () => void,
) {
  const restore = useRestoreDocument();
  const [mark, setMark] = useState<RestoreMark | null>(null);
  const [error, setError] = useState<string>();
  useEffect(() => {
    setMark((known) => known && followStream(known, streamSaysDeleted));
  }, [streamSaysDeleted]);
  return {
    deleted: isDeletedShown(flowSaysDeleted, streamSaysDeleted, mark),
    isPending: restore.isPending,
    error,
    restoreAndSave: () => {
      setError(undefined);
      restore.mutate(id, {
        onSuccess: () => {
          setMark(markRestore(streamSaysDeleted));
          requestSave();
        },
        onError: (failure) => setError(describeRestoreFailure(failure)),
      });
    },
  };
}
