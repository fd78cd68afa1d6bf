import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { Granularity } from '../merge/types.ts';
import './conflict-dialog.css';
import { ConflictGroup } from './conflict-group.tsx';
import { defaultLabels, type ConflictLabels } from './labels.ts';
import {
  canRedo,
  canUndo,
  countConflictsLeft,
  createResolution,
  isUnresolved,
  resolveReducer,
  type ResolutionAction,
  type ResolutionInput,
  type ResolutionState,
} from './resolution-state.ts';

/** What the person decided. `how` says which button: only `merged` and `mine` need a save. */
export interface Resolution {
  title: string;
  body: string;
  how: 'merged' | 'mine' | 'theirs';
}

export interface ConflictDialogProps extends ResolutionInput {
  onResolve: (resolution: Resolution) => void;
  /** Escape or Cancel: the dialog closes and the caller keeps every edit as it was. */
  onCancel: () => void;
  /** Who saved theirs, and when (ISO 8601), for the explanation. */
  theirsAuthor?: string;
  granularity?: Granularity;
  labels?: Partial<ConflictLabels>;
  /** A save of the resolution is under way: the actions wait. */
  busy?: boolean;
  /** Why the last save of the resolution failed, shown as an alert. */
  error?: string;
}

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
  const labels = { ...defaultLabels, ...props.labels };
  const { base, mine, theirs, titles, granularity } = props;
  const [inputs, setInputs] = useState<ResolutionInput>({ base, mine, theirs, titles });
  const [state, setState] = useState<ResolutionState>(() =>
    createResolution(inputs, { granularity }),
  );
  // A newer "theirs" (another save landed meanwhile) starts a new resolution from new inputs.
  if (
    inputs.base !== base ||
    inputs.mine !== mine ||
    inputs.theirs !== theirs ||
    inputs.titles?.base !== titles?.base ||
    inputs.titles?.mine !== titles?.mine ||
    inputs.titles?.theirs !== titles?.theirs
  ) {
    const next = { base, mine, theirs, titles };
    setInputs(next);
    setState(createResolution(next, { granularity }));
  }
  const dispatch = (action: ResolutionAction) => setState((s) => resolveReducer(s, action));

  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const left = countConflictsLeft(state);
  const total = state.conflicts.length;

  useModal(dialogRef, props.onCancel);

  // A chosen conflict's buttons turn disabled; move focus on to the next unresolved conflict
  // (or the save button) so keyboard users never drop to the page body.
  const focusAfter = useRef<number | null>(null);
  useEffect(() => {
    if (focusAfter.current === null) return;
    const after = focusAfter.current;
    focusAfter.current = null;
    const dialog = dialogRef.current;
    const next =
      [
        ...(dialog?.querySelectorAll<HTMLElement>('[data-conflict][data-unresolved="true"]') ?? []),
      ].find((group) => Number(group.dataset.conflict) > after) ??
      dialog?.querySelector<HTMLElement>('[data-unresolved="true"]');
    const target =
      next?.querySelector<HTMLElement>('button:not(:disabled)') ??
      dialog?.querySelector<HTMLElement>('.concord-dialog__primary:not(:disabled)') ??
      dialog?.querySelector<HTMLElement>('textarea');
    target?.focus();
  }, [state]);

  const focusConflict = (direction: 1 | -1) => {
    const groups = [
      ...(dialogRef.current?.querySelectorAll<HTMLElement>('[data-unresolved="true"]') ?? []),
    ];
    if (groups.length === 0) return;
    const current = groups.findIndex((g) => g.contains(document.activeElement));
    const index =
      current < 0
        ? direction === 1
          ? 0
          : groups.length - 1
        : (current + direction + groups.length) % groups.length;
    const target = groups[index]!;
    target.scrollIntoView({ block: 'nearest' });
    target.querySelector<HTMLElement>('button:not(:disabled)')?.focus();
  };

  const busy = props.busy ?? false;
  return (
    <dialog ref={dialogRef} className="concord-dialog" aria-labelledby={headingId}>
      <div className="concord-dialog__header">
        <h2 id={headingId} className="concord-dialog__heading">
          {labels.dialog}
        </h2>
        <p className="concord-dialog__intro">{labels.intro(props.theirsAuthor)}</p>
        <div className="concord-dialog__toolbar">
          <p className="concord-dialog__left" role="status" aria-live="polite">
            {labels.conflictsLeft(left)}
          </p>
          <button type="button" onClick={() => focusConflict(-1)} disabled={left === 0}>
            {labels.previousConflict}
          </button>
          <button type="button" onClick={() => focusConflict(1)} disabled={left === 0}>
            {labels.nextConflict}
          </button>
          <button
            type="button"
            onClick={() => dispatch({ type: 'undo' })}
            disabled={!canUndo(state)}
          >
            {labels.undo}
          </button>
          <button
            type="button"
            onClick={() => dispatch({ type: 'redo' })}
            disabled={!canRedo(state)}
          >
            {labels.redo}
          </button>
        </div>
        {state.reviews.length > 0 && (
          <p className="concord-dialog__review">{labels.reviewNote(state.reviews.length)}</p>
        )}
      </div>

      <div className="concord-dialog__content">
        {!state.initial.title.resolved && (
          <TitleGroup state={state} labels={labels} dispatch={dispatch} />
        )}
        {state.conflicts.map((entry) => (
          <ConflictGroup
            key={entry.number}
            entry={entry}
            total={total}
            unresolved={isUnresolved(state, entry.number)}
            choice={state.choices[entry.number - 1] ?? null}
            labels={labels}
            onChoose={(choice) => {
              dispatch({ type: 'choose', conflict: entry.number, choice });
              focusAfter.current = entry.number;
            }}
          />
        ))}
        <label className="concord-dialog__result">
          <span>{labels.mergedResult}</span>
          <textarea
            value={state.text}
            onChange={(e) => dispatch({ type: 'edit', text: e.target.value })}
            spellCheck={false}
            rows={Math.min(20, Math.max(6, state.text.split('\n').length + 1))}
          />
        </label>
      </div>

      {props.error && (
        <p className="concord-dialog__error" role="alert">
          {props.error}
        </p>
      )}
      <div className="concord-dialog__footer">
        <button type="button" onClick={props.onCancel} disabled={busy}>
          {labels.cancel}
        </button>
        <span className="concord-dialog__spacer" />
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            props.onResolve({ title: titles?.theirs ?? '', body: theirs, how: 'theirs' })
          }
        >
          {labels.takeTheirs}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => props.onResolve({ title: titles?.mine ?? '', body: mine, how: 'mine' })}
        >
          {labels.keepMine}
        </button>
        <button
          type="button"
          className="concord-dialog__primary"
          disabled={busy || left > 0}
          onClick={() =>
            props.onResolve({ title: state.title.value, body: state.text, how: 'merged' })
          }
        >
          {labels.saveMerged}
        </button>
      </div>
    </dialog>
  );
}

function TitleGroup(props: {
  state: ResolutionState;
  labels: ConflictLabels;
  dispatch: (action: ResolutionAction) => void;
}) {
  const { state, labels, dispatch } = props;
  const inputId = useId();
  return (
    <section
      role="group"
      aria-label={labels.titleConflict}
      className="concord-conflict"
      data-unresolved={!state.title.resolved}
    >
      <h3 className="concord-conflict__heading">{labels.titleConflict}</h3>
      <div className="concord-conflict__sides">
        <div className="concord-conflict__side concord-conflict__side--mine">
          <span className="concord-conflict__label">{labels.mine}</span>
          <p>{state.title.mine}</p>
        </div>
        <div className="concord-conflict__side concord-conflict__side--theirs">
          <span className="concord-conflict__label">{labels.theirs}</span>
          <p>{state.title.theirs}</p>
        </div>
      </div>
      <div className="concord-conflict__actions">
        <button type="button" onClick={() => dispatch({ type: 'chooseTitle', choice: 'mine' })}>
          {labels.useMyTitle}
        </button>
        <button type="button" onClick={() => dispatch({ type: 'chooseTitle', choice: 'theirs' })}>
          {labels.useTheirTitle}
        </button>
      </div>
      <label htmlFor={inputId} className="concord-conflict__label">
        {labels.mergedTitle}
      </label>
      <input
        id={inputId}
        value={state.title.value}
        onChange={(e) => dispatch({ type: 'editTitle', value: e.target.value })}
      />
    </section>
  );
}

/**
 * Opens the dialog modally on mount, turns Escape into `onCancel`, and gives focus back to
 * where it was when the dialog closes (WAI-ARIA dialog pattern).
 */
function useModal(ref: React.RefObject<HTMLDialogElement | null>, onCancel: () => void) {
  const onCancelRef = useRef(onCancel);
  useLayoutEffect(() => {
    onCancelRef.current = onCancel;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // Start where the work is: the first unresolved conflict, else the primary action.
    const first =
      dialog.querySelector<HTMLElement>('[data-unresolved="true"] button') ??
      dialog.querySelector<HTMLElement>('.concord-dialog__primary:not(:disabled)') ??
      dialog.querySelector<HTMLElement>('textarea');
    first?.focus();
    const cancel = (event: Event) => {
      // The browser would close the dialog itself; the caller decides instead.
      event.preventDefault();
      onCancelRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [ref]);
}
