import { describe, expect, it } from 'vitest';
import type { EditorFlowState } from './editor-flow.ts';
import { run, sentEdits, v1, version } from './editor-flow-fixtures.ts';

describe('restoring edits dropped by Take theirs', () => {
  // Alice changed the line Bob changed (the conflict) and added a line of her own.
  const v2 = version(2, 'one\nTWO theirs\nthree\nfour\n');

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

  /** Save, and the server takes it: what the person would see once it landed. */
  function saveLands(state: EditorFlowState, n: number): EditorFlowState {
    const sent = run(state, { type: 'saveRequested' });
    const request = sent.request!;
    return run(sent, { type: 'saved', request, saved: version(n, request.content.body) });
  }

  it('merges them with what was typed since, on their version, so the next save just lands', () => {
    const state = run(
      tookTheirs(),
      { type: 'edited', change: { body: 'one\nTWO theirs\nthree\nfour\nnew paragraph\n' } },
      { type: 'restoredDiscarded' },
    );
    // Alice's own line stays; where she and Bob overlapped, his restored words win.
    expect(state.session.mine.body).toBe('one\ntwo mine\nthree\nfour\nnew paragraph\n');
    expect(state.session.base).toMatchObject({ version: 2, etag: '"e2"' });
    expect(state.session.discarded).toBeUndefined();
    expect(state.conflict).toBeNull();

    const sent = run(state, { type: 'saveRequested' });
    expect(sent.request).toMatchObject({ etag: '"e2"', purpose: 'edits' });
    const saved = saveLands(state, 3);
    expect(saved.conflict).toBeNull();
    expect(saved.session.base.version).toBe(3);
  });

  it('meets only a version saved after the restore, merged from the version taken', () => {
    const state = run(tookTheirs(), { type: 'restoredDiscarded' });
    const sent = run(state, { type: 'saveRequested' });
    const v3 = version(3, 'one\nTWO theirs\nthree\nfour\nfive by Carol\n', 'Notes', 'Carol');
    const merged = run(sent, {
      type: 'conflicted',
      request: sent.request!,
      // What the hook builds from the session: its base is their version now, not v1.
      conflict: {
        base: { title: 'Notes', body: state.session.base.body },
        mine: state.session.mine,
        theirs: v3,
        mode: 'save',
      },
    });
    // Carol's line and Bob's restored words merge with nothing to decide: no dialog.
    expect(merged.conflict).toBeNull();
    expect(merged.request).toMatchObject({
      etag: '"e3"',
      content: { body: 'one\ntwo mine\nthree\nfour\nfive by Carol\n' },
    });
  });

  it('replays them onto a newer version followed since, not onto the one taken', () => {
    const v3 = version(3, 'zero\none\nTWO theirs\nthree\nfour\n', 'Notes', 'Carol');
    const state = run(tookTheirs(), { type: 'loaded', loaded: v3 }, { type: 'restoredDiscarded' });
    expect(state.session.mine.body).toBe('zero\none\ntwo mine\nthree\nfour\n');
    expect(state.session.base).toMatchObject({ version: 3, etag: '"e3"' });
  });

  it('asks in the dialog where they overlap what was typed since, saving nothing', () => {
    const typed = run(
      tookTheirs(),
      { type: 'edited', change: { body: 'one\nTWO typed since\nthree\nfour\n' } },
      { type: 'restoredDiscarded' },
    );
    expect(typed.conflict?.mode).toBe('restore');
    // The dropped edits as they are on Alice's version: her added line is in them.
    expect(typed.conflict?.theirs.doc.body).toBe('one\ntwo mine\nthree\nfour\n');
    expect(typed.conflict?.base.body).toBe(v2.doc.body);
    expect(typed.session.mine.body).toBe('one\nTWO typed since\nthree\nfour\n');
    const merged = run(typed, {
      type: 'resolved',
      resolution: { title: 'Notes', body: 'one\nboth\nthree\nfour\n', how: 'merged' },
    });
    expect(merged.request).toBeNull();
    expect(merged.conflict).toBeNull();
    expect(merged.session).toMatchObject({
      base: { version: 2, etag: '"e2"' },
      mine: { body: 'one\nboth\nthree\nfour\n' },
    });
    // The next save goes onto Alice's version: it lands, with no conflict to meet again.
    expect(run(merged, { type: 'saveRequested' }).request?.etag).toBe('"e2"');
    expect(saveLands(merged, 3).conflict).toBeNull();

    // Using the earlier edits alone keeps what was typed since restorable, on the same version.
    const earlier = run(typed, {
      type: 'resolved',
      resolution: { title: 'Notes', body: 'one\ntwo mine\nthree\nfour\n', how: 'theirs' },
    });
    expect(earlier.session.base.version).toBe(2);
    expect(earlier.session.discarded?.mine.body).toBe('one\nTWO typed since\nthree\nfour\n');

    // Keeping what was typed leaves the dropped edits restorable.
    const kept = run(typed, {
      type: 'resolved',
      resolution: { title: 'Notes', body: 'one\nTWO typed since\nthree\nfour\n', how: 'mine' },
    });
    expect(kept.session.discarded?.mine.body).toBe('one\ntwo mine\nthree\n');
  });
});
