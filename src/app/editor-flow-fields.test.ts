import { describe, expect, it } from 'vitest';
import type { VersionedDocument } from '../client/index.ts';
import { limits } from '../protocol/index.ts';
import {
  initEditorFlow,
  reduceEditorFlow,
  type EditorFlowAction,
  type EditorFlowState,
} from './editor-flow.ts';

// The editor flow's decisions about its fields: a title taken, a limit passed, a live update.

function version(n: number, body: string, title = 'Notes', by = 'Alice'): VersionedDocument {
  const at = '2026-12-01T10:00:00.000Z';
  return {
    doc: { id: 'd1', title, body, version: n, created_at: at, updated_at: at, updated_by: by },
    etag: `"e${n}"`,
  };
}

const v1 = version(1, 'one\ntwo\nthree\n');

function run(state: EditorFlowState, ...actions: EditorFlowAction[]): EditorFlowState {
  return actions.reduce(reduceEditorFlow, state);
}

describe('a title another document has', () => {
  it('keeps the edits, opens nothing, and remembers which document has the title', () => {
    const sent = run(
      initEditorFlow(v1),
      { type: 'edited', change: { title: 'Budget', body: 'mine\n' } },
      { type: 'saveRequested' },
    );
    const existing = { id: 'd2', title: 'budget' };
    const state = run(sent, { type: 'titleTaken', request: sent.request!, existing });
    expect(state.titleTaken).toEqual(existing);
    expect(state.request).toBeNull();
    expect(state.conflict).toBeNull();
    expect(state.session.mine).toEqual({ title: 'Budget', body: 'mine\n' });
  });
});

describe('limits', () => {
  it('sends no save past a limit, and says how much to cut', () => {
    const state = run(
      initEditorFlow(v1),
      { type: 'edited', change: { title: 'x'.repeat(limits.titleMaxLength + 3) } },
      { type: 'saveRequested' },
    );
    expect(state.request).toBeNull();
    expect(state.error).toBe('The title is 3 characters too long to save: shorten it.');
  });
});

describe('a live update with nothing unsaved', () => {
  it('records what the tab showed, what it shows now, and who saved it', () => {
    const v2 = version(2, 'one\n2\nthree\n', 'Notes', 'Bob');
    const state = run(initEditorFlow(v1), { type: 'loaded', loaded: v2 });
    expect(state.session.mine.body).toBe('one\n2\nthree\n');
    expect(state.liveUpdate).toEqual({
      before: { title: 'Notes', body: 'one\ntwo\nthree\n' },
      after: { title: 'Notes', body: 'one\n2\nthree\n' },
      version: 2,
      etag: '"e2"',
      updatedBy: 'Bob',
    });
  });

  it('records nothing when the tab holds unsaved edits (the newer-version notice speaks)', () => {
    const state = run(
      initEditorFlow(v1),
      { type: 'edited', change: { body: 'mine\n' } },
      { type: 'loaded', loaded: version(2, 'theirs\n') },
    );
    expect(state.liveUpdate).toBeUndefined();
  });
});
