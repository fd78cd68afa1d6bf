import type { Page } from '@playwright/test';
import type { DocumentDto } from '../src/protocol/index.ts';
import { EditorPage } from './pages/editor-page.ts';
import { seriousViolations } from './serious-violations.ts';
import { expect, paragraphs, test } from './fixtures.ts';

const [first, second] = paragraphs as [string, string, string];

/** What this browser remembers having shown of document `id` (localStorage, shared by tabs). */
async function seenIn(page: Page, id: string): Promise<unknown> {
  return page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key) ?? 'null'),
    `concord:seen:${id}`,
  );
}

/** Leaves the editor for the document list, as a person closing the document would. */
async function leave(editor: EditorPage): Promise<void> {
  await editor.page.getByRole('link', { name: '← Documents' }).click();
  await expect(editor.page.getByRole('button', { name: 'New document' })).toBeVisible();
}

test('Alice comes back after Bob saved twice: the editor says so and History shows his changes', async ({
  alice,
  bob,
  seededDoc,
}) => {
  const { id } = seededDoc;
  await alice.editor.open(id);
  // A first visit: nothing seen before, nothing to point out.
  await expect(alice.editor.changedSinceSeen()).toHaveCount(0);
  await expect.poll(() => seenIn(alice.page, id)).toMatchObject({ version: 1 });
  await leave(alice.editor);

  await bob.editor.open(id);
  await bob.editor.replaceInBody('sets the scene', 'sets the whole scene');
  await bob.editor.save();
  await bob.editor.expectSaved();
  await bob.editor.replaceInBody('makes the argument', 'makes the case');
  await bob.editor.save();
  await bob.editor.expectSaved();
  // Bob's own saves are nothing new to him.
  await expect(bob.editor.changedSinceSeen()).toHaveCount(0);

  await alice.editor.open(id);
  const notice = alice.editor.changedSinceSeen();
  await expect(notice).toContainText(
    'Bob changed this document since you last saw it: 2 new versions (you saw version 1; this is version 3).',
  );
  // The changes word by word, right there.
  await notice.getByRole('button', { name: 'Show the changes here' }).click();
  await expect(notice.locator('ins')).toHaveText(['[added: whole ]', '[added: case]']);
  await expect(notice.locator('del')).toHaveText('[removed: argument]');
  expect(await seriousViolations(alice.page, '.editor')).toEqual([]);

  // "See what changed": the History page comparing the version seen with the current one.
  await notice.getByRole('link', { name: 'See what changed' }).click();
  await expect(alice.page).toHaveURL(`/docs/${id}/history?version=3&compare=1`);
  const changes = alice.page.getByRole('region', { name: 'Changes from version 1 to version 3' });
  await expect(changes.locator('ins')).toHaveText(['[added: whole ]', '[added: case]']);
  await expect(changes.locator('del')).toHaveText('[removed: argument]');

  // Not dismissed yet: back in the editor, the notice is still there.
  await alice.page.getByRole('link', { name: /Back to/ }).click();
  await expect(notice).toBeVisible();
  await expect.poll(() => seenIn(alice.page, id)).toMatchObject({ version: 1 });

  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  await expect(alice.editor.body).toBeFocused();
  const { doc, etag } = await seededDoc.fetch();
  expect(await seenIn(alice.page, id)).toEqual({ version: 3, etag, at: expect.any(Number) });

  await alice.page.reload();
  await expect(alice.editor.body).toBeEditable();
  await expect(notice).toHaveCount(0);

  // The server has Bob's two saves, and nothing of Alice's visit.
  expect(doc).toMatchObject({
    version: 3,
    updated_by: 'Bob',
    body: `${first.replace('sets the scene', 'sets the whole scene')}\n\n${second.replace('makes the argument', 'makes the case')}\n\n${paragraphs[2]}\n`,
  });
});

test('her own save in another tab is not pointed out; Bob’s next one is', async ({
  alice,
  api,
  seededDoc,
}) => {
  const { id } = seededDoc;
  await alice.editor.open(id);
  await leave(alice.editor);

  const otherTab = new EditorPage(await alice.page.context().newPage());
  await otherTab.open(id);
  await otherTab.typeAtEnd('Alice adds a line.\n');
  await otherTab.save();
  await otherTab.expectSaved();
  await otherTab.page.close();

  await alice.editor.open(id);
  const saved = await seededDoc.fetch();
  expect(saved.doc).toMatchObject({ version: 2, updated_by: 'Alice' });
  // What this browser saw is the version it saved: nothing to look up, nothing to show.
  expect(await seenIn(alice.page, id)).toEqual({
    version: 2,
    etag: saved.etag,
    at: expect.any(Number),
  });
  await expect(alice.editor.changedSinceSeen()).toHaveCount(0);
  await leave(alice.editor);

  // Bob saves once (through the API, as a script would): now there is something to see.
  const put = await api.put(`/api/docs/${id}`, {
    data: { title: saved.doc.title, body: `${saved.doc.body}Bob adds another.\n` },
    headers: { 'If-Match': saved.etag, 'Concord-User': 'Bob' },
  });
  expect(put.status()).toBe(200);
  expect(((await put.json()) as DocumentDto).version).toBe(3);

  await alice.editor.open(id);
  await expect(alice.editor.changedSinceSeen()).toContainText(
    'Bob changed this document since you last saw it: 1 new version (you saw version 2; this is version 3).',
  );
});

test('with her unsaved draft restored, Alice is told what Bob saved meanwhile', async ({
  alice,
  api,
  seededDoc,
}) => {
  const { id } = seededDoc;
  await alice.editor.open(id);
  await alice.editor.typeAtEnd('Alice’s unsaved thought.');
  await alice.editor.expectUnsaved();

  const current = await seededDoc.fetch();
  const put = await api.put(`/api/docs/${id}`, {
    data: { title: current.doc.title, body: current.doc.body.replace(first, 'Bob opens anew.') },
    headers: { 'If-Match': current.etag, 'Concord-User': 'Bob' },
  });
  expect(put.status()).toBe(200);
  // Her tab hears of it, but the draft stays on version 1: she has not seen version 2.
  await expect(alice.editor.newerVersion()).toBeVisible();

  await alice.page.reload();
  await expect(alice.editor.body).toHaveValue(/Alice’s unsaved thought\.$/);
  const notice = alice.editor.changedSinceSeen();
  await expect(notice).toContainText(
    'Bob changed this document since you last saw it: 1 new version (you saw version 1; this is version 2).',
  );
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  const { doc, etag } = await seededDoc.fetch();
  expect(await seenIn(alice.page, id)).toEqual({ version: 2, etag, at: expect.any(Number) });

  await alice.page.reload();
  await expect(alice.editor.body).toHaveValue(/Alice’s unsaved thought\.$/);
  await expect(notice).toHaveCount(0);
  // Her draft is still only hers: the server has Bob's version.
  expect(doc).toMatchObject({ version: 2, updated_by: 'Bob' });
  expect(doc.body).not.toContain('Alice’s unsaved thought.');
});
