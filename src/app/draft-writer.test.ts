import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDraftWriter, largeDraftPause, type DraftStore } from './draft-writer.ts';
import { largeBodyChars, type EditorSession } from './editor-session.ts';

const base = { title: 'Plan', body: 'Text.\n', etag: '"v1"', version: 1 };

function sessionWith(body: string): EditorSession {
  return { base, mine: { title: base.title, body } };
}

function recordingStore() {
  const written: { body: string; now: boolean }[] = [];
  const store: DraftStore = {
    store: (draft, now) => {
      written.push({ body: draft.mine.body, now });
      return Promise.resolve(true);
    },
    clear: vi.fn(),
  };
  return { store, written };
}

describe('createDraftWriter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes a keystroke once, though the change handler and the render both offer it', () => {
    const { store, written } = recordingStore();
    const writer = createDraftWriter(store, () => {});
    const body = 'Text.\nMore';
    writer.offer(sessionWith(body), null); // the change handler
    writer.offer(sessionWith(body), null); // the render it caused, built apart
    expect(written).toEqual([{ body, now: false }]);
  });

  it('writes a dialog progress report once, though offered before the render and by it', () => {
    const { store, written } = recordingStore();
    const writer = createDraftWriter(store, () => {});
    const conflict = {
      base: { title: 'Plan', body: 'Text.\n' },
      mine: { title: 'Plan', body: 'Mine.\n' },
      theirs: {
        doc: { ...base, id: 'd', version: 2, created_at: '', updated_at: '', updated_by: '' },
        etag: '"v2"',
      },
      mode: 'save' as const,
    };
    const progress = { title: 'Plan', body: 'Both.\n' };
    const session = sessionWith('Mine.\n');
    writer.offer(session, { ...conflict, progress }); // before the render
    writer.offer(session, { ...conflict, progress }); // the render's, built apart
    writer.offer(session, { ...conflict, progress: { ...progress, body: 'Both!\n' } });
    expect(written).toHaveLength(2);
  });

  it('writes each new edit of a small draft at once', () => {
    const { store, written } = recordingStore();
    const writer = createDraftWriter(store, () => {});
    writer.offer(sessionWith('Text.\nM'), null);
    writer.offer(sessionWith('Text.\nMo'), null);
    expect(written.map((w) => w.body)).toEqual(['Text.\nM', 'Text.\nMo']);
  });

  it('writes a large draft once typing pauses, only the newest', () => {
    const { store, written } = recordingStore();
    const writer = createDraftWriter(store, () => {});
    const large = 'x'.repeat(largeBodyChars);
    writer.offer(sessionWith(`${large}a`), null);
    vi.advanceTimersByTime(largeDraftPause - 1);
    writer.offer(sessionWith(`${large}ab`), null);
    vi.advanceTimersByTime(largeDraftPause - 1);
    expect(written).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(written.map((w) => w.body.slice(-2))).toEqual(['ab']);
  });

  it('writes a waiting large draft when the editor leaves, and nothing when none waits', () => {
    const { store, written } = recordingStore();
    const writer = createDraftWriter(store, () => {});
    writer.offer(sessionWith(`${'x'.repeat(largeBodyChars)}a`), null);
    writer.finish();
    expect(written).toHaveLength(1);
    writer.finish();
    vi.runAllTimers();
    expect(written).toHaveLength(1);
  });

  it('writes the newest draft at once, marked now, as the page is hidden', () => {
    const { store, written } = recordingStore();
    const writer = createDraftWriter(store, () => {});
    writer.offer(sessionWith(`${'x'.repeat(largeBodyChars)}a`), null);
    writer.flush();
    expect(written.map((w) => w.now)).toEqual([true]);
    vi.runAllTimers();
    expect(written).toHaveLength(1);
  });

  it('forgets the draft once nothing is unsaved', () => {
    const { store, written } = recordingStore();
    const writer = createDraftWriter(store, () => {});
    writer.offer(sessionWith(base.body), null);
    expect(store.clear).toHaveBeenCalledOnce();
    expect(written).toHaveLength(0);
  });

  it('reports only the latest write, whose answer may come first', async () => {
    const answers: ((kept: boolean) => void)[] = [];
    const store: DraftStore = {
      store: () => new Promise((resolve) => answers.push(resolve)),
      clear: () => {},
    };
    const heard: boolean[] = [];
    const writer = createDraftWriter(store, (kept) => heard.push(kept));
    writer.offer(sessionWith('a'), null);
    writer.offer(sessionWith('ab'), null);
    answers[1]?.(true);
    answers[0]?.(false);
    await vi.runAllTimersAsync();
    expect(heard).toEqual([true]);
  });
});
