'use client';

import {
  startTransition,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { flushSync } from 'react-dom';
import type { MarkerLabels } from '../protocol/engine-markers.ts';
import './conflict-dialog.css';
import './conflict-dialog-small.css';
import { ConflictGroup, type OnChoose } from './conflict-group.tsx';
import { countGroupsFirstShown } from './count-groups-first-shown.ts';
import { DiscardDialog } from './discard-dialog.tsx';
import { defaultLabels, type ConflictLabels } from './labels.ts';
import { listTheirChanges, type TheirChange } from './list-their-changes.ts';
import { canRedo, canUndo, type Choice, type ResolutionInput } from './resolution-state.ts';
import { ReviewGroup } from './review-group.tsx';
import { TitleGroup } from './title-group.tsx';
import { useModal } from './use-modal.ts';
import {
  useResolution,
  type ResolutionController,
  type UseResolutionOptions,
} from './use-resolution.ts';

export type { ResolutionProgress } from './use-resolution.ts';

/** What the person decided. `how` says which button: only `merged` and `mine` need a save. */
export interface Resolution {
  title: string;
  body: string;
  how: 'merged' | 'mine' | 'theirs';
  /**
   * The labels of the marker lines the dialog wrote (its `labels.markers`), so that a save path
   * recognises one left in `body` however the dialog was translated.
   */
  markers?: MarkerLabels | undefined;
}

/** The dialog's own props, apart from the resolution's inputs. */
interface DialogViewOptions {
  onResolve: (resolution: Resolution) => void;
  /** Escape or Cancel: the dialog closes and the caller keeps every edit as it was. */
  onCancel: () => void;
  /** Every text the dialog shows (and so every accessible name); defaults: `defaultLabels`. */
  labels?: Partial<ConflictLabels> | undefined;
  /** A save of the resolution is under way: the actions wait. */
  busy?: boolean | undefined;
  /** Why the last save of the resolution failed, shown as an alert. */
  error?: string | undefined;
  /** `auto` (default) follows the system's light or dark setting; `light` or `dark` fixes it. */
  colorScheme?: 'light' | 'dark' | 'auto' | undefined;
  /** Added to the dialog's own `concord-dialog` class, e.g. to set its custom properties. */
  className?: string | undefined;
}

/**
 * The inputs (base, mine, theirs, titles; who saved theirs; a precomputed merge or an earlier
 * progress to resume) and the dialog's own options. See {@link UseResolutionOptions}.
 */
export interface ConflictDialogProps extends UseResolutionOptions, DialogViewOptions {}

const choiceKeys: Record<string, Choice> = {
  m: 'mine',
  t: 'theirs',
  b: 'both',
  B: 'both-theirs-first',
};

/**
 * The three-way conflict dialog: a WAI-ARIA modal dialog (native `<dialog>` opened with
 * `showModal()`, so focus stays inside and the page behind is inert) over a headless
 * {@link ResolutionState}. It only renders the state and dispatches actions.
 *
 * @example
 * <ConflictDialog base={base} mine={mine} theirs={theirs}
 *   onResolve={({ body }) => save(body)} onCancel={() => setOpen(false)} />
 */
export function ConflictDialog(props: ConflictDialogProps) {
  const resolution = useResolution(props);
  return <ConflictDialogView {...props} resolution={resolution} />;
}

export interface ConflictDialogViewProps extends ResolutionInput, DialogViewOptions {
  /** Who saved theirs, for the explanation. */
  theirsAuthor?: string | undefined;
  /** The resolution's state and its one way to change (see {@link useResolution}). */
  resolution: ResolutionController;
}

/**
 * The dialog as a controlled view: it renders the {@link ResolutionController} it is given and
 * sends every change through its `dispatch`. `ConflictDialog` is this view over its own
 * `useResolution`; use the view when the resolution's state lives elsewhere (a store, a test).
 * Pass it the same inputs that made the controller.
 */
export function ConflictDialogView(props: ConflictDialogViewProps) {
  const labels = useMemo(() => ({ ...defaultLabels, ...props.labels }), [props.labels]);
  const { mine, theirs, titles } = props;
  const { state, dispatch, newer, left, statuses, stray } = props.resolution;

  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const toolbarId = `${headingId}-toolbar`;
  // On narrow screens the toolbar folds behind "More actions" (a disclosure); wide, it is shown.
  const [toolsOpen, setToolsOpen] = useState(false);
  // A large dialog paints its first groups at once and renders the rest right after (in a
  // transition, which gives way to the person's input); moving between conflicts or choosing
  // before then renders them all first, so every group is always reachable.
  const [shown, setShown] = useState(() => countGroupsFirstShown(statuses));
  const allShown = shown >= state.conflicts.length;
  useEffect(() => {
    if (!allShown) startTransition(() => setShown(Infinity));
  }, [allShown]);
  // Keep mine asks first when it would undo changes of theirs.
  const [discarding, setDiscarding] = useState<TheirChange[] | null>(null);
  const keepMineRef = useRef<HTMLButtonElement>(null);
  // Every answer names the marker lines this dialog writes, for the save path's check.
  const resolve = (answer: Omit<Resolution, 'markers'>) =>
    props.onResolve({ ...answer, markers: labels.markers });
  const keepMine = () =>
    props.onResolve({
      title: titles?.mine ?? '',
      body: mine,
      how: 'mine',
      markers: labels.markers,
    });
  const total = state.conflicts.length;
  const busy = props.busy ?? false;
  const [announcement, setAnnouncement] = useState('');
  // Laying out megabytes of text in a textarea costs the browser seconds: past a size, the
  // merged result opens on request and the conflicts are the first thing shown.
  const lineCount = useMemo(() => countLines(state.initial.text), [state.initial.text]);
  const [showResult, setShowResult] = useState(lineCount <= largeDocumentLines);

  useModal(dialogRef, props.onCancel, (dialog) => focusInView(firstFocusable(dialog)));

  // The conflict focused or last acted on (0: the title), where Next / Previous conflict start.
  const current = useRef(-1);
  // Settling an open conflict moves focus on to the next open one (or the save button), so the
  // keyboard goes from conflict to conflict; changing a settled one leaves focus where it is.
  const focusAfter = useRef<number | null>(null);
  const onChoose = useCallback<OnChoose>(
    (conflict, choice, open) => {
      setShown(Infinity);
      dispatch(
        conflict
          ? { type: 'choose', conflict, choice }
          : { type: 'chooseTitle', choice: choice as 'mine' | 'theirs' },
      );
      current.current = conflict;
      if (open) focusAfter.current = conflict;
    },
    [dispatch],
  );
  // Layout effects here too: focus moves before the browser paints the change.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const after = focusAfter.current;
    focusAfter.current = null;
    // Undo, redo or a finished save can also disable or remove the focused button (Chrome then
    // keeps it as activeElement, deaf to keys): never leave focus on the inert page behind.
    const active = document.activeElement;
    if (after === null && dialog.contains(active) && !active?.matches(':disabled')) return;
    const groups = unresolvedGroups(dialog);
    const next = groups.find((g) => Number(g.dataset.conflict) > (after ?? 0)) ?? groups[0];
    (next?.querySelector<HTMLElement>('button') ?? firstFocusable(dialog))?.focus();
  }, [state, busy]);

  // The next (or previous) open conflict after the current one, wrapping around: with the
  // mouse, focus is on the button itself, so the group is remembered rather than read from focus.
  const focusConflict = (direction: 1 | -1) => {
    if (!allShown) flushSync(() => setShown(Infinity));
    const groups = unresolvedGroups(dialogRef.current);
    const at = (g: HTMLElement) => Number(g.dataset.conflict) - current.current;
    const target =
      direction > 0
        ? (groups.find((g) => at(g) > 0) ?? groups[0])
        : (groups.findLast((g) => at(g) < 0) ?? groups.at(-1));
    target?.scrollIntoView({ block: 'nearest' });
    (target?.querySelector<HTMLElement>('button') ?? target)?.focus();
  };

  const resolveMerged = () => {
    if (busy || left > 0) return;
    resolve({ title: state.title.value, body: state.text, how: 'merged' });
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    const typing =
      event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement;
    if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      focusConflict(event.key === 'ArrowDown' ? 1 : -1);
    } else if (mod && event.key === 'Enter') {
      event.preventDefault();
      resolveMerged();
    } else if (mod && !typing && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      dispatch({ type: event.shiftKey ? 'redo' : 'undo' });
    } else if (!mod && !event.altKey && !typing && event.key in choiceKeys) {
      const group = (event.target as HTMLElement).closest<HTMLElement>('[data-conflict]');
      const conflict = Number(group?.dataset.conflict);
      const choice = choiceKeys[event.key]!;
      // The title (conflict 0) has no "both".
      if (!group || (!conflict && choice !== 'mine' && choice !== 'theirs')) return;
      event.preventDefault();
      onChoose(conflict, choice, group.dataset.unresolved === 'true');
    }
  };

  // Entering a conflict tells a screen reader both sides at once.
  const onFocus = (event: React.FocusEvent) => {
    const group = (event.target as HTMLElement).closest<HTMLElement>('[data-conflict]');
    if (!group) return;
    current.current = Number(group.dataset.conflict);
    const entry = state.conflicts[current.current - 1];
    if (!entry || group.contains(event.relatedTarget as Node | null)) return;
    setAnnouncement(
      labels.announceConflict(labels.conflictOf(entry.number, total), entry.mine, entry.theirs),
    );
  };

  return (
    <dialog
      ref={dialogRef}
      className={`concord-dialog ${props.className ?? ''}`}
      data-color-scheme={props.colorScheme}
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <div className="concord-dialog__header">
        <h2 id={headingId} className="concord-dialog__heading">
          {labels.dialog}
        </h2>
        <p className="concord-dialog__intro">{labels.intro(props.theirsAuthor)}</p>
        <div id={toolbarId} className="concord-dialog__toolbar">
          <p className="concord-dialog__left" aria-live="polite">
            <span>{labels.conflictsLeft(left)}</span>
            {!state.title.resolved && labels.includingTitle}
          </p>
          <button
            type="button"
            aria-expanded={toolsOpen}
            aria-controls={toolbarId}
            onClick={() => setToolsOpen(!toolsOpen)}
          >
            {labels.moreActions}
          </button>
          <button
            type="button"
            onClick={() => focusConflict(-1)}
            disabled={left === 0}
            aria-keyshortcuts="Alt+ArrowUp"
          >
            {labels.previousConflict}
          </button>
          <button
            type="button"
            onClick={() => focusConflict(1)}
            disabled={left === 0}
            aria-keyshortcuts="Alt+ArrowDown"
          >
            {labels.nextConflict}
          </button>
          {statuses.includes('unresolved') && (
            <>
              <button type="button" onClick={() => dispatch({ type: 'resolveSimple' })}>
                {labels.resolveSimple}
              </button>
              <button type="button" onClick={() => dispatch({ type: 'chooseAll', choice: 'mine' })}>
                {labels.allMine}
              </button>
              <button
                type="button"
                onClick={() => dispatch({ type: 'chooseAll', choice: 'theirs' })}
              >
                {labels.allTheirs}
              </button>
            </>
          )}
          <button
            type="button"
            onClick={() => dispatch({ type: 'undo' })}
            disabled={!canUndo(state)}
            aria-keyshortcuts="Control+Z Meta+Z"
          >
            {labels.undo}
          </button>
          <button
            type="button"
            onClick={() => dispatch({ type: 'redo' })}
            disabled={!canRedo(state)}
            aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
          >
            {labels.redo}
          </button>
        </div>
        {state.reviews.length > 0 && (
          <p className="concord-dialog__review">{labels.reviewNote(state.reviews.length)}</p>
        )}
        <p className="concord-dialog__review" role="alert">
          {newer}
        </p>
        <p className="concord-dialog__review" aria-live="polite">
          {stray && labels.markerLeft(stray.line)}
        </p>
      </div>

      <div className="concord-dialog__content">
        {!state.initial.title.resolved && (
          <TitleGroup title={state.title} labels={labels} dispatch={dispatch} onChoose={onChoose} />
        )}
        {state.conflicts.slice(0, shown).map((entry) => (
          <ConflictGroup
            key={entry.number}
            entry={entry}
            total={total}
            status={statuses[entry.number - 1]!}
            labels={labels}
            onChoose={onChoose}
          />
        ))}
        {allShown &&
          state.reviews.map((entry, i) => (
            <ReviewGroup
              key={i}
              entry={entry}
              number={i + 1}
              total={state.reviews.length}
              labels={labels}
            />
          ))}
        {showResult ? (
          <label className="concord-dialog__result">
            <span>{labels.mergedResult}</span>
            <textarea
              value={state.text}
              onChange={(e) => dispatch({ type: 'edit', text: e.target.value })}
              spellCheck={false}
              rows={Math.min(16, Math.max(6, total + state.reviews.length + 8))}
            />
          </label>
        ) : (
          <button type="button" onClick={() => setShowResult(true)}>
            {labels.showMergedResult(lineCount)}
          </button>
        )}
      </div>

      <p className="concord-visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {props.error && (
        <p className="concord-dialog__error" role="alert">
          {props.error}
        </p>
      )}
      <div className="concord-dialog__footer">
        <p className="concord-dialog__shortcuts">{labels.shortcuts}</p>
        <div className="concord-dialog__actions">
          <button type="button" onClick={props.onCancel} disabled={busy}>
            {labels.cancel}
          </button>
          <span className="concord-dialog__spacer" />
          <button
            type="button"
            disabled={busy}
            onClick={() => resolve({ title: titles?.theirs ?? '', body: theirs, how: 'theirs' })}
          >
            {labels.takeTheirs}
          </button>
          <button
            type="button"
            ref={keepMineRef}
            disabled={busy}
            onClick={() => {
              const changes = listTheirChanges(props);
              if (changes.length > 0) setDiscarding(changes);
              else keepMine();
            }}
          >
            {labels.keepMine}
          </button>
          <button
            type="button"
            className="concord-dialog__primary"
            disabled={busy || left > 0}
            onClick={resolveMerged}
            aria-keyshortcuts="Control+Enter Meta+Enter"
          >
            {labels.saveMerged}
          </button>
        </div>
      </div>
      {discarding && (
        <DiscardDialog
          changes={discarding}
          who={props.theirsAuthor}
          labels={labels}
          returnFocus={keepMineRef}
          onGoBack={() => setDiscarding(null)}
          onDiscard={() => {
            setDiscarding(null);
            keepMine();
          }}
        />
      )}
    </dialog>
  );
}

/** Documents longer than this open with the merged result collapsed. */
const largeDocumentLines = 2_000;

function unresolvedGroups(dialog: HTMLElement | null): HTMLElement[] {
  return [...(dialog?.querySelectorAll<HTMLElement>('[data-unresolved="true"]') ?? [])];
}

/**
 * Focuses `element` with its conflict in view. Focus alone would centre the button, which on a
 * small screen scrolls the conflict's sides away above it.
 */
function focusInView(element: HTMLElement | null): void {
  element?.focus({ preventScroll: true });
  element?.closest('section')?.scrollIntoView({ block: 'nearest' });
  element?.scrollIntoView({ block: 'nearest' });
}

/** Where the work is: the first unresolved conflict, else the enabled primary action. */
function firstFocusable(dialog: HTMLElement): HTMLElement | null {
  return (
    dialog.querySelector<HTMLElement>('[data-unresolved="true"] button') ??
    dialog.querySelector<HTMLElement>('.concord-dialog__primary:not(:disabled)') ??
    dialog.querySelector<HTMLElement>('textarea')
  );
}

// Counted, not split: splitting 20,000 lines made as many strings just to count them.
function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}
