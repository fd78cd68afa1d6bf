import type { VersionedDocument } from '../client/index.ts';
import { merge } from '../merge/index.ts';
import type { DocumentInput } from '../protocol/index.ts';
import { describeWhose } from './describe-whose.ts';
import { granularity } from './editor-session.ts';

/** One change of theirs that a merge took in: the text it replaced and the text it put there. */
export interface TheirChange {
  before: string;
  after: string;
}

/** What a merge with nothing to decide took in, for the notice that says so. */
export interface MergeSummary {
  /** Who saved theirs ('' when the server does not say). */
  who: string;
  version: number;
  /** Theirs' ETag: whether this browser's other tab saved it (the person's own changes). */
  etag: string;
  titleChanged: boolean;
  changes: TheirChange[];
}

/**
 * Lists what theirs changed that the merge of `base`, `mine` and `theirs` took in (a change both
 * sides made alike is not theirs alone, and is left out).
 *
 * @example
 * summarizeMerge(base, mine, theirs).changes; // [{ before: 'The first…', after: 'Alice…' }]
 */
export function summarizeMerge(
  base: DocumentInput,
  mine: DocumentInput,
  theirs: VersionedDocument,
): MergeSummary {
  const result = merge(
    { base: base.body, mine: mine.body, theirs: theirs.doc.body },
    { granularity },
  );
  const changes = result.regions.flatMap((region) =>
    region.kind === 'theirs' ? [{ before: region.base, after: region.text }] : [],
  );
  return {
    who: theirs.doc.updated_by,
    version: theirs.doc.version,
    etag: theirs.etag,
    titleChanged: theirs.doc.title !== base.title && theirs.doc.title !== mine.title,
    changes,
  };
}

/**
 * Whose changes a summary's merge took in, inside a sentence: a colleague's by name ("someone
 * else's" without one), or the person's own when this browser's other tab saved them
 * (`ownSave`), which are not "theirs".
 *
 * @example describeWhoseChanges({ who: 'Dana' }, true) // 'your other tab’s changes'
 */
export function describeWhoseChanges({ who }: Pick<MergeSummary, 'who'>, ownSave: boolean): string {
  if (ownSave) return 'your other tab’s changes';
  return `${describeWhose(who, 'inside')} changes`;
}

/** "the title and 2 passages of the body": what a summary's changes touched. */
export function describeMergedParts({ titleChanged, changes }: MergeSummary): string {
  const body =
    changes.length === 0
      ? ''
      : changes.length === 1
        ? 'one passage of the body'
        : `${changes.length} passages of the body`;
  if (titleChanged && body) return `the title and ${body}`;
  return titleChanged ? 'the title' : body || 'nothing new';
}
