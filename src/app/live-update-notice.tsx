import { useEffect, useMemo, useState } from 'react';
import { diffWords } from '../merge/index.ts';
import { describeLiveUpdate, type LiveUpdate, type Saver } from './describe-newer-version.ts';
import { findChangedPassage, type ChangedPassage } from './find-changed-passage.ts';

// Long enough to read a sentence and glance at the change; the text itself stays updated.
const shownForMs = 12_000;

/**
 * Says, politely and for a while, who saved the version the editor now shows, and marks what
 * changed (added words `<ins>`, removed ones `<del>`). The live region stays in the page so that
 * screen readers hear every update.
 */
export function LiveUpdateNotice(props: {
  update: LiveUpdate | undefined;
  savedInThisBrowser: ReadonlySet<string>;
}) {
  const { update } = props;
  const [expired, setExpired] = useState<string>();
  useEffect(() => {
    if (!update) return;
    const timer = setTimeout(() => setExpired(update.etag), shownForMs);
    return () => clearTimeout(timer);
  }, [update]);
  const shown = update && expired !== update.etag ? update : undefined;
  const saver: Saver | undefined = shown && {
    updatedBy: shown.updatedBy,
    savedInThisBrowser: props.savedInThisBrowser.has(shown.etag),
  };
  const passages = useMemo(
    () =>
      shown && {
        title: findChangedPassage(shown.before.title, shown.after.title),
        body: findChangedPassage(shown.before.body, shown.after.body),
      },
    [shown],
  );
  return (
    <div
      className={shown ? 'notice live-update' : 'live-update--empty'}
      role={shown ? 'region' : undefined}
      aria-label={shown ? 'Latest change' : undefined}
    >
      <p aria-live="polite" className="live-update__sentence">
        {shown && saver && describeLiveUpdate(saver, shown.version)}
      </p>
      {passages?.title && <MarkedPassage label="Title" passage={passages.title} />}
      {passages?.body && <MarkedPassage label="Changed" passage={passages.body} />}
    </div>
  );
}

function MarkedPassage(props: { label: string; passage: ChangedPassage }) {
  const changes = diffWords(props.passage.before, props.passage.after);
  return (
    <p className="live-update__passage">
      <span className="live-update__label">{props.label}: </span>
      {changes.map((change, i) =>
        change.kind === 'same' ? (
          change.text
        ) : change.kind === 'added' ? (
          <ins key={i}>{change.text}</ins>
        ) : (
          <del key={i}>{change.text}</del>
        ),
      )}
      {props.passage.shortened && ' …'}
    </p>
  );
}
