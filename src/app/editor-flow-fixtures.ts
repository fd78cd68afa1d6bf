// Shared by the editor-flow tests.
import type { VersionedDocument } from '../client/index.ts';
import {
  initEditorFlow,
  reduceEditorFlow,
  type EditorFlowAction,
  type EditorFlowState,
} from './editor-flow.ts';

/** Version `n` of the test document. */
export function version(n: number, body: string, title = 'Notes', by = 'Alice'): VersionedDocument {
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

/** The version every test starts from. */
export const v1 = version(1, 'one\ntwo\nthree\n');

/** Applies `actions` in turn. */
export function run(state: EditorFlowState, ...actions: EditorFlowAction[]): EditorFlowState {
  return actions.reduce(reduceEditorFlow, state);
}

/** A session on v1 whose body is `body`, with its save sent. */
export function sentEdits(body: string): EditorFlowState {
  return run(initEditorFlow(v1), { type: 'edited', change: { body } }, { type: 'saveRequested' });
}
