import { describe, expect, it } from 'vitest';
import type { Draft, VersionedDocument } from '../client/index.ts';
import {
  initEditorFlow,
  isDialogOpen,
  isNewerWaiting,
  reduceEditorFlow,
  type EditorFlowAction,
  type EditorFlowState,
} from './editor-flow.ts';

function version(n: number, body: string, title = 'Notes', by = 'Alice'): VersionedDocument {
  const doc = {
    id: 'd1',
    title,
    body,
    version: n,
    created_at: '2026-12-01T10:00:00.000Z',
    updated_at: '2026-12-01T10:00:00.000Z',
    updated_by: by,
  };
  return { doc, etag: `"e${n}"` };
}

const v1 = version(1, 'one\ntwo\nthree\n');

function run(state: EditorFlowState, ...actions: EditorFlowAction[]): EditorFlowState {
  return actions.reduce(reduceEditorFlow, state);
}

/** A session on v1 whose body is `body`, with its save sent. */
function sentEdits(body: string): EditorFlowState {
  return run(initEditorFlow(v1), { type: 'edited', change: { body } }, { type: 'saveRequested' });
}

describe('editing and saving', () => {
  it('opens on the loaded document with nothing unsaved', () => {
    const state = initEditorFlow(v1);
    expect(state.session.mine).toEqual({ title: 'Notes', body: v1.doc.body });
    expect(state.session.base.etag).toBe('"e1"');
    expect(state.conflict).toBeNull();
  });

  it('opens on this tab’s draft, and on the dialog that was open before a reload', () => {
    const draft: Draft = {
      base: { title: 'Notes', body: v1.doc.body, etag: '"e1"', version: 1 },
      mine: { title: 'Notes', body: 'mine\n' },
      resolving: {
        base: { title: 'Notes', body: v1.doc.body },
        mine: { title: 'Notes', body: 'mine\n' },
        theirs: version(2, 'theirs\n'),
        mode: 'save',
        progress: { title: 'Notes', body: 'half done\n' },
      },
      savedAt: '2026-12-01T10:00:00.000Z',
    };
    const state = initEditorFlow(v1, draft);
    expect(state.session.mine.body).toBe('mine\n');
    expect(state.conflict?.progress?.body).toBe('half done\n');
  });

  it('asks for a save of the edits against the base ETag, and clears the last error and note', () => {
    const state = run(
      { ...initEditorFlow(v1), error: 'old error', note: 'old note' },
      { type: 'edited', change: { body: 'edited\n' } },
      { type: 'saveRequested' },
    );
    expect(state.request).toMatchObject({
      content: { title: 'Notes', body: 'edited\n' },
      etag: '"e1"',
      purpose: 'edits',
    });
    expect(state.error).toBeNull();
    expect(state.note).toBeNull();
  });

  it('sends one save at a time', () => {
    const first = sentEdits('edited\n');
    const again = run(
      first,
      { type: 'edited', change: { body: 'more\n' } },
      { type: 'saveRequested' },
    );
    expect(again.request).toBe(first.request);
  });

  it('keeps what was typed while the save was on its way', () => {
    const sent = sentEdits('edited\n');
    const typed = run(sent, { type: 'edited', change: { body: 'edited more\n' } });
    const saved = run(typed, {
      type: 'saved',
      request: sent.request!,
      saved: version(2, 'edited\n', 'Notes', 'Bob'),
    });
    expect(saved.request).toBeNull();
    expect(saved.session.base).toMatchObject({ version: 2, etag: '"e2"', body: 'edited\n' });
    expect(saved.session.mine.body).toBe('edited more\n');
  });

  it('takes the stored text after a save of exactly what is shown', () => {
    const sent = sentEdits('edited\n');
    const saved = run(sent, {
      type: 'saved',
      request: sent.request!,
      saved: version(2, 'edited\n'),
    });
    expect(saved.session.mine).toEqual({ title: 'Notes', body: 'edited\n' });
  });

  it('ignores the answer of a save that is no longer the one on its way', () => {
    const sent = sentEdits('edited\n');
    const stale = { ...sent.request!, id: 99 };
    expect(run(sent, { type: 'saved', request: stale, saved: version(2, 'x\n') })).toBe(sent);
    expect(run(sent, { type: 'deletedOnSave', request: stale })).toBe(sent);
  });

  it('shows a failed save’s reason and lets the next save go', () => {
    const sent = sentEdits('edited\n');
    const failed = run(sent, { type: 'failed', message: 'No network', request: sent.request! });
    expect(failed.error).toBe('No network');
    expect(failed.request).toBeNull();
    expect(run(failed, { type: 'saveRequested' }).request?.id).toBe(2);
  });

  it('marks the document gone when a save meets a 404, keeping the text', () => {
    const sent = sentEdits('edited\n');
    const gone = run(sent, { type: 'deletedOnSave', request: sent.request! });
    expect(gone.deletedOnSave).toBe(true);
    expect(gone.session.mine.body).toBe('edited\n');
  });
});

describe('a newer version from the server', () => {
  it('is followed when nothing is unsaved', () => {
    const state = run(initEditorFlow(v1), { type: 'loaded', loaded: version(2, 'new\n') });
    expect(state.session.base.version).toBe(2);
    expect(state.session.mine.body).toBe('new\n');
  });

  it('leaves unsaved edits alone, and says a newer version waits', () => {
    const v2 = version(2, 'new\n');
    const state = run(
      initEditorFlow(v1),
      { type: 'edited', change: { body: 'mine\n' } },
      { type: 'loaded', loaded: v2 },
    );
    expect(state.session.mine.body).toBe('mine\n');
    expect(isNewerWaiting(state, v2, false)).toBe(true);
    expect(isNewerWaiting(state, v2, true)).toBe(false);
    expect(isNewerWaiting(state, v1, false)).toBe(false);
  });

  it('merges into the draft without a dialog when nothing overlaps', () => {
    const v2 = version(2, 'one\ntwo\nthree\nfour\n');
    const state = run(
      initEditorFlow(v1),
      { type: 'edited', change: { body: 'zero\none\ntwo\nthree\n' } },
      { type: 'mergeNewerRequested', loaded: v2 },
    );
    expect(state.conflict).toBeNull();
    expect(state.session.base.version).toBe(2);
    expect(state.session.mine.body).toBe('zero\none\ntwo\nthree\nfour\n');
    expect(state.merged).toMatchObject({
      mode: 'draft',
      who: 'Alice',
      version: 2,
      changes: [{ before: '', after: 'four\n' }],
    });
    expect(state.request).toBeNull();
    // Undo puts the draft back as it was.
    const undone = run(state, { type: 'mergeUndone' });
    expect(undone.session.mine.body).toBe('zero\none\ntwo\nthree\n');
    expect(undone.session.base.version).toBe(1);
    expect(undone.merged).toBeNull();
  });

  it('opens the dialog in draft mode when edits overlap', () => {
    const v2 = version(2, 'one\nTWO theirs\nthree\n');
    const state = run(
      initEditorFlow(v1),
      { type: 'edited', change: { body: 'one\ntwo mine\nthree\n' } },
      { type: 'mergeNewerRequested', loaded: v2 },
    );
    expect(state.conflict?.mode).toBe('draft');
    expect(state.conflict?.theirs).toBe(v2);
  });
});

describe('a conflict', () => {
  const v2 = version(2, 'one\nTWO theirs\nthree\n');

  function conflicted(): EditorFlowState {
    const sent = sentEdits('one\ntwo mine\nthree\n');
    return run(sent, {
      type: 'conflicted',
      request: sent.request!,
      conflict: {
        base: { title: 'Notes', body: v1.doc.body },
        mine: sent.session.mine,
        theirs: v2,
        mode: 'save',
      },
    });
  }

  it('opens the dialog once the refused save is answered', () => {
    const state = conflicted();
    expect(state.request).toBeNull();
    expect(state.conflict?.theirs.etag).toBe('"e2"');
    // No other save goes while the dialog decides.
    expect(run(state, { type: 'saveRequested' }).request).toBeNull();
  });

  it('keeps the dialog’s progress for a reload', () => {
    const progress = { title: 'Notes', body: 'half\n' };
    expect(run(conflicted(), { type: 'progressed', progress }).conflict?.progress).toEqual(
      progress,
    );
  });

  it('saves a merged resolution against theirs, and closes the dialog once it lands', () => {
    const resolved = run(conflicted(), {
      type: 'resolved',
      resolution: { title: 'Notes', body: 'one\nmerged\nthree\n', how: 'merged' },
    });
    expect(resolved.request).toMatchObject({ etag: '"e2"', purpose: 'resolution' });
    expect(resolved.session.base.etag).toBe('"e2"');
    expect(resolved.conflict).not.toBeNull();
    const saved = run(resolved, {
      type: 'saved',
      request: resolved.request!,
      saved: version(3, 'one\nmerged\nthree\n', 'Notes', 'Bob'),
    });
    expect(saved.conflict).toBeNull();
    expect(saved.session.base.version).toBe(3);
  });

  it('keeps the dialog open with the reason when the resolution’s save fails', () => {
    const resolved = run(conflicted(), {
      type: 'resolved',
      resolution: { title: 'Notes', body: 'x\n', how: 'mine' },
    });
    const failed = run(resolved, {
      type: 'failed',
      message: 'Offline',
      request: resolved.request!,
    });
    expect(failed.conflict).not.toBeNull();
    expect(failed.error).toBe('Offline');
  });

  it('takes theirs without a save, keeping mine to restore', () => {
    const state = run(conflicted(), {
      type: 'resolved',
      resolution: { title: 'Notes', body: v2.doc.body, how: 'theirs' },
    });
    expect(state.request).toBeNull();
    expect(state.conflict).toBeNull();
    expect(state.session.mine.body).toBe(v2.doc.body);
    expect(state.session.discarded?.mine.body).toBe('one\ntwo mine\nthree\n');
    const restored = run(state, { type: 'restoredDiscarded' });
    expect(restored.session.mine.body).toBe('one\ntwo mine\nthree\n');
    expect(restored.session.discarded).toBeUndefined();
  });

  it('in draft mode puts the merge into the draft without saving', () => {
    const state = run(
      initEditorFlow(v1),
      { type: 'edited', change: { body: 'one\ntwo mine\nthree\n' } },
      { type: 'mergeNewerRequested', loaded: v2 },
      { type: 'resolved', resolution: { title: 'Notes', body: 'merged\n', how: 'merged' } },
    );
    expect(state.request).toBeNull();
    expect(state.conflict).toBeNull();
    expect(state.session).toMatchObject({ base: { version: 2 }, mine: { body: 'merged\n' } });
  });

  it('sets the dialog aside on cancel, keeping the edits and the dialog’s work', () => {
    const progress = {
      title: 'Notes',
      body: 'one\ntwo mine\nthree\nnote\n',
      choices: ['mine' as const],
    };
    const state = run(conflicted(), { type: 'progressed', progress }, { type: 'cancelled' });
    expect(isDialogOpen(state)).toBe(false);
    expect(state.conflict).toMatchObject({ setAside: true, progress });
    expect(state.session.mine.body).toBe('one\ntwo mine\nthree\n');
    // Save goes out again (to learn whether theirs is still the newest).
    expect(run(state, { type: 'saveRequested' }).request?.purpose).toBe('edits');
  });

  it('reopens a set-aside dialog where it was when theirs is still the same', () => {
    const progress = {
      title: 'Notes',
      body: 'one\ntwo mine\nthree\nnote\n',
      choices: ['mine' as const],
    };
    const aside = run(conflicted(), { type: 'progressed', progress }, { type: 'cancelled' });
    const sent = run(aside, { type: 'saveRequested' });
    const reopened = run(sent, {
      type: 'conflicted',
      request: sent.request!,
      conflict: { ...aside.conflict!, setAside: undefined, progress: undefined },
    });
    expect(isDialogOpen(reopened)).toBe(true);
    expect(reopened.conflict?.progress).toEqual(progress);
  });

  it('re-merges a set-aside dialog onto a newer theirs, keeping choices and typing', () => {
    const progress = {
      title: 'Notes',
      body: 'one\ntwo mine\nthree\nnote\n',
      choices: ['mine' as const],
    };
    const aside = run(conflicted(), { type: 'progressed', progress }, { type: 'cancelled' });
    const sent = run(aside, { type: 'saveRequested' });
    // Carol renamed it: the body's conflict is the same, so its choice still applies.
    const v3 = version(3, v2.doc.body, 'Notes by Carol', 'Carol');
    const reopened = run(sent, {
      type: 'conflicted',
      request: sent.request!,
      conflict: { ...aside.conflict!, theirs: v3, setAside: undefined, progress: undefined },
    });
    expect(reopened.conflict?.theirs).toBe(v3);
    expect(reopened.conflict?.progress).toMatchObject({
      title: 'Notes by Carol',
      body: 'one\ntwo mine\nthree\nnote\n',
      choices: ['mine'],
    });
  });

  it('says, once Keep mine is saved, that their version stays in the history', () => {
    const resolved = run(conflicted(), {
      type: 'resolved',
      resolution: { title: 'Notes', body: 'one\ntwo mine\nthree\n', how: 'mine' },
    });
    const saved = run(resolved, {
      type: 'saved',
      request: resolved.request!,
      saved: version(3, 'one\ntwo mine\nthree\n', 'Notes', 'Bob'),
    });
    expect(saved.note).toBe(
      'Your version is saved. Alice’s version stays in the history (version 2).',
    );
  });
});

describe('a closed tab’s draft', () => {
  it('is restored with its dialog and a note of where it came from', () => {
    const draft: Draft = {
      base: { title: 'Notes', body: v1.doc.body, etag: '"e1"', version: 1 },
      mine: { title: 'Notes', body: 'closed tab\n' },
      savedAt: 'not a date',
    };
    const state = run(initEditorFlow(v1), { type: 'restoredClosedTab', draft });
    expect(state.session.mine.body).toBe('closed tab\n');
    expect(state.note).toBe(
      'Restored the edits of a closed tab from not a date (started from version 1).',
    );
  });
});

describe('a save whose merge has nothing to decide', () => {
  const v2 = version(2, 'one\ntwo\nthree\nfour\n');

  function refused(body: string, theirs = v2): EditorFlowState {
    const sent = sentEdits(body);
    return run(sent, {
      type: 'conflicted',
      request: sent.request!,
      conflict: {
        base: { title: 'Notes', body: v1.doc.body },
        mine: sent.session.mine,
        theirs,
        mode: 'save',
      },
    });
  }

  it('saves the merge against theirs without a dialog, and says what it merged once saved', () => {
    const state = refused('zero\none\ntwo\nthree\n');
    expect(state.conflict).toBeNull();
    expect(state.request).toMatchObject({
      purpose: 'merge',
      etag: '"e2"',
      content: { body: 'zero\none\ntwo\nthree\nfour\n' },
    });
    expect(state.merged).toBeNull();
    const saved = run(state, {
      type: 'saved',
      request: state.request!,
      saved: version(3, 'zero\none\ntwo\nthree\nfour\n', 'Notes', 'Bob'),
    });
    expect(saved.merged).toMatchObject({ mode: 'saved', who: 'Alice', version: 2 });
    expect(saved.merged?.changes).toEqual([{ before: '', after: 'four\n' }]);
  });

  it('undoes the merge with a guarded save of my version over it', () => {
    const state = refused('zero\none\ntwo\nthree\n');
    const saved = run(state, {
      type: 'saved',
      request: state.request!,
      saved: version(3, 'zero\none\ntwo\nthree\nfour\n', 'Notes', 'Bob'),
    });
    const undone = run(saved, { type: 'mergeUndone' });
    expect(undone.request).toMatchObject({
      purpose: 'edits',
      etag: '"e3"',
      content: { body: 'zero\none\ntwo\nthree\n' },
    });
    expect(undone.merged).toBeNull();
  });

  it('opens the dialog for places to review (both changed one line)', () => {
    const theirs = version(2, 'one\ntwo\nthree theirs\n');
    const state = refused('one\ntwo\nmine three\n', theirs);
    expect(state.request).toBeNull();
    expect(isDialogOpen(state)).toBe(true);
  });
});

describe('restoring edits dropped by Take theirs', () => {
  const v2 = version(2, 'one\nTWO theirs\nthree\n');

  function tookTheirs(): EditorFlowState {
    const sent = sentEdits('one\ntwo mine\nthree\n');
    const open = run(sent, {
      type: 'conflicted',
      request: sent.request!,
      conflict: {
        base: { title: 'Notes', body: v1.doc.body },
        mine: sent.session.mine,
        theirs: v2,
        mode: 'save',
      },
    });
    return run(open, {
      type: 'resolved',
      resolution: { title: 'Notes', body: v2.doc.body, how: 'theirs' },
    });
  }

  it('merges them with what was typed since, starting again from where they did', () => {
    const state = run(
      tookTheirs(),
      { type: 'edited', change: { body: 'one\nTWO theirs\nthree\nnew paragraph\n' } },
      { type: 'restoredDiscarded' },
    );
    expect(state.session.mine.body).toBe('one\ntwo mine\nthree\nnew paragraph\n');
    expect(state.session.base.version).toBe(1);
    expect(state.session.discarded).toBeUndefined();
  });

  it('asks in the dialog where they overlap what was typed since, saving nothing', () => {
    const typed = run(
      tookTheirs(),
      { type: 'edited', change: { body: 'one\nTWO typed since\nthree\n' } },
      { type: 'restoredDiscarded' },
    );
    expect(typed.conflict?.mode).toBe('restore');
    expect(typed.conflict?.theirs.doc.body).toBe('one\ntwo mine\nthree\n');
    expect(typed.session.mine.body).toBe('one\nTWO typed since\nthree\n');
    const merged = run(typed, {
      type: 'resolved',
      resolution: { title: 'Notes', body: 'one\nboth\nthree\n', how: 'merged' },
    });
    expect(merged.request).toBeNull();
    expect(merged.conflict).toBeNull();
    expect(merged.session).toMatchObject({
      base: { version: 1 },
      mine: { body: 'one\nboth\nthree\n' },
    });
    // Keeping what was typed leaves the dropped edits restorable.
    const kept = run(typed, {
      type: 'resolved',
      resolution: { title: 'Notes', body: 'one\nTWO typed since\nthree\n', how: 'mine' },
    });
    expect(kept.session.discarded?.mine.body).toBe('one\ntwo mine\nthree\n');
  });
});
