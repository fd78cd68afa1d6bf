import { describe, expect, it } from 'vitest';
import { initEditorFlow, isDialogOpen, type EditorFlowState } from './editor-flow.ts';
import { run, sentEdits, v1, version } from './editor-flow-fixtures.ts';

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
    expect(resolved.request).toMatchObject({
      etag: '"e2"',
      purpose: 'resolution',
      resolution: 'resolved',
    });
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

  it('refuses a resolution that still holds a conflict marker the dialog wrote, sending nothing', () => {
    const state = conflicted();
    const body = 'one\n<<<<<<< mine (conflict 1)\ntwo mine\nthree\n';
    const refused = run(state, {
      type: 'resolved',
      resolution: { title: 'Notes', body, how: 'merged' },
    });
    expect(refused.request).toBeNull();
    expect(refused.conflict).toBe(state.conflict);
    expect(refused.session).toBe(state.session);
    expect(refused.error).toBe(
      'Not saved: conflict 1 is not resolved yet (a conflict marker is left on line 2).',
    );
  });

  it('closes the dialog, keeping the resolution in the editor, when the document was deleted', () => {
    const resolved = run(conflicted(), {
      type: 'resolved',
      resolution: { title: 'Notes', body: 'one\nmerged\nthree\n', how: 'merged' },
    });
    const gone = run(resolved, { type: 'deletedOnSave', request: resolved.request! });
    expect(gone.conflict).toBeNull();
    expect(gone.deletedOnSave).toBe(true);
    expect(gone.session.mine.body).toBe('one\nmerged\nthree\n');
  });

  it('keeps the dialog open with the reason when the resolution’s save fails', () => {
    const resolved = run(conflicted(), {
      type: 'resolved',
      resolution: { title: 'Notes', body: 'x\n', how: 'mine' },
    });
    expect(resolved.request?.resolution).toBe('kept-mine');
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

  it('starts the Keep mine note with a capital when the server gives no name for theirs', () => {
    const sent = sentEdits('one\ntwo mine\nthree\n');
    const open = run(sent, {
      type: 'conflicted',
      request: sent.request!,
      conflict: {
        base: { title: 'Notes', body: v1.doc.body },
        mine: sent.session.mine,
        theirs: version(2, 'one\nTWO theirs\nthree\n', 'Notes', ''),
        mode: 'save',
      },
    });
    const resolved = run(open, {
      type: 'resolved',
      resolution: { title: 'Notes', body: 'one\ntwo mine\nthree\n', how: 'mine' },
    });
    expect(resolved.request?.note).toBe(
      'Your version is saved. Someone else’s version stays in the history (version 2).',
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

  it('says whose version stays in the history after Undo the merge, a capital first without a name', () => {
    const notes = ['Bob', ''].map((by) => {
      const state = refused('zero\none\ntwo\nthree\n', version(2, v2.doc.body, 'Notes', by));
      const saved = run(state, {
        type: 'saved',
        request: state.request!,
        saved: version(3, 'zero\none\ntwo\nthree\nfour\n', 'Notes', 'Carol'),
      });
      return run(saved, { type: 'mergeUndone' }).request?.note;
    });
    expect(notes).toEqual([
      'Undid the merge: your version is saved. Bob’s version stays in the history (version 2).',
      'Undid the merge: your version is saved. Someone else’s version stays in the history (version 2).',
    ]);
  });

  it('opens the dialog for places to review (both changed one line)', () => {
    const theirs = version(2, 'one\ntwo\nthree theirs\n');
    const state = refused('one\ntwo\nmine three\n', theirs);
    expect(state.request).toBeNull();
    expect(isDialogOpen(state)).toBe(true);
  });
});

describe('a save whose answer was lost', () => {
  // The first save landed as version 2, but its answer never came back.
  const first = 'one\ntwo\nthree\nFirst sentence.\n';
  const v2 = version(2, first, 'Notes', 'Bob');

  function lostThenTyped(): EditorFlowState {
    const sent = sentEdits(first);
    return run(
      sent,
      { type: 'failed', message: 'The server could not be reached.', request: sent.request! },
      { type: 'edited', change: { body: first + 'Second sentence.\n' } },
      { type: 'saveRequested' },
    );
  }

  it('is the base of the next save when the server says it landed, not a conflict', () => {
    const state = lostThenTyped();
    expect(state.request).toMatchObject({ etag: '"e1"', purpose: 'edits' });
    const met = run(state, {
      type: 'conflicted',
      request: state.request!,
      conflict: { base: v1.doc, mine: state.session.mine, theirs: v2, mode: 'save' },
    });
    // No dialog and no merge (which would hold "First sentence." twice): the same text again,
    // onto the version it landed as.
    expect(isDialogOpen(met)).toBe(false);
    expect(met.request).toMatchObject({
      id: state.request!.id + 1,
      etag: '"e2"',
      purpose: 'edits',
      content: { title: 'Notes', body: first + 'Second sentence.\n' },
    });
    const saved = run(met, {
      type: 'saved',
      request: met.request!,
      saved: version(3, first + 'Second sentence.\n', 'Notes', 'Bob'),
    });
    expect(saved.session.base.version).toBe(3);
    expect(saved.unanswered).toEqual([]);
  });

  it('counts a save as landed when theirs is exactly what it sent', () => {
    const sent = sentEdits(first);
    const met = run(sent, {
      type: 'conflicted',
      request: sent.request!,
      conflict: { base: v1.doc, mine: sent.session.mine, theirs: v2, mode: 'save' },
    });
    expect(isDialogOpen(met)).toBe(false);
    expect(met.request).toBeNull();
    expect(met.session.base.version).toBe(2);
    expect(met.session.mine.body).toBe(first);
  });

  it('still merges someone else’s change as before', () => {
    const state = lostThenTyped();
    const theirs = version(2, 'one\nTWO\nthree\n', 'Notes', 'Carol');
    const met = run(state, {
      type: 'conflicted',
      request: state.request!,
      conflict: { base: v1.doc, mine: state.session.mine, theirs, mode: 'save' },
    });
    expect(met.request).toMatchObject({
      purpose: 'merge',
      resolution: 'auto-merged',
      etag: '"e2"',
      content: { body: 'one\nTWO\nthree\nFirst sentence.\nSecond sentence.\n' },
    });
  });
});
