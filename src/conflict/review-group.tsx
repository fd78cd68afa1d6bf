'use client';

import { memo } from 'react';
import type { ConflictLabels } from './labels.ts';
import type { ReviewEntry } from './resolution-state.ts';
import { WordDiff } from './word-diff.tsx';

/**
 * A place both sides changed that the merge resolved by itself (within a line, or by keeping two
 * insertions): clean, but shown so the person can check it.
 */
export const ReviewGroup = memo(function ReviewGroup(props: {
  entry: ReviewEntry;
  number: number;
  total: number;
  labels: ConflictLabels;
}) {
  const { entry, number, total, labels } = props;
  const name = labels.mergedChangeOf(number, total);
  return (
    <section role="group" aria-label={name} className="concord-conflict concord-conflict--review">
      <h3 className="concord-conflict__heading">
        {name}
        <span className="concord-conflict__status"> — {labels.reviewReason(entry.reason)}</span>
      </h3>
      <pre>
        <WordDiff before={entry.base} after={entry.text} />
      </pre>
    </section>
  );
});
