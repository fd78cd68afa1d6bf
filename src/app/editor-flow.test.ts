import { describe, expect, it } from 'vitest';
import type { Draft } from '../client/index.ts';
import { initEditorFlow, isNewerWaiting } from './editor-flow.ts';
import { run, sentEdits, v1, version } from './editor-flow-fixtures.ts';

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

  it('sends what was typed since once the save on its way lands, when Save was pressed meanwhile', () => {
    const first = sentEdits('edited\n');
    const pressed = run(
      first,
      { type: 'edited', change: { body: 'edited\nmore\n' } },
      { type: 'saveRequested' },
    );
    expect(pressed.request).toBe(first.request);
    const landed = run(pressed, {
      type: 'saved',
      request: first.request!,
      saved: version(2, 'edited\n'),
    });
    expect(landed.request).toMatchObject({
      content: { title: 'Notes', body: 'edited\nmore\n' },
      etag: '"e2"',
      purpose: 'edits',
    });
    expect(landed.saveAgain).toBe(false);
  });

  it('sends nothing more after a landed save when Save was not pressed again, or nothing is new', () => {
    const first = sentEdits('edited\n');
    const typed = run(first, { type: 'edited', change: { body: 'edited\nmore\n' } });
    const saved = {
      type: 'saved',
      request: first.request!,
      saved: version(2, 'edited\n'),
    } as const;
    expect(run(typed, saved).request).toBeNull();
    const pressedOnly = run(first, { type: 'saveRequested' });
    expect(run(pressedOnly, saved).request).toBeNull();
  });

  it('forgets the Save pressed meanwhile when the save on its way fails: the error says why', () => {
    const first = sentEdits('edited\n');
    const pressed = run(
      first,
      { type: 'edited', change: { body: 'more\n' } },
      { type: 'saveRequested' },
      { type: 'failed', message: 'No network', request: first.request! },
    );
    expect(pressed.request).toBeNull();
    expect(pressed.saveAgain).toBe(false);
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
