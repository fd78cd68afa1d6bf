import type { DocumentDto, TrashedDocumentSummary } from '../src/protocol/index.ts';
import { expect, paragraphs, test } from './fixtures.ts';

const [first, second, third] = paragraphs as [string, string, string];

test('alice deletes a document: the editor asks first, then it is in the trash', async ({
  alice,
  api,
  seededDoc,
}) => {
  const { page, editor } = alice;
  await editor.open(seededDoc.id);
  const deleteButton = page.getByRole('button', { name: 'Delete', exact: true });

  // Asked first; focus on the choice that changes nothing, and Escape is that choice.
  await deleteButton.click();
  const ask = page.getByRole('alertdialog', { name: 'Delete this document?' });
  await expect(ask).toContainText('moves to the trash');
  await expect(ask.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(deleteButton).toBeFocused();
  expect((await api.get(`/api/docs/${seededDoc.id}`)).status()).toBe(200);

  // "Keep it" by keyboard changes nothing either; then Delete for real.
  await page.keyboard.press('Enter');
  await expect(ask.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ask).toBeHidden();
  await deleteButton.click();
  await ask.getByRole('button', { name: 'Delete', exact: true }).click();

  await expect(page).toHaveURL(/\/$/);
  const notice = page.getByRole('status').filter({ hasText: 'was moved to the trash' });
  await expect(notice).toContainText(`“${seededDoc.title}” was moved to the trash.`);
  await expect(page.getByRole('link', { name: seededDoc.title, exact: true })).toBeHidden();
  await notice.getByRole('link', { name: 'Restore it from the Trash' }).click();
  await expect(page).toHaveURL(/\/trash$/);

  expect((await api.get(`/api/docs/${seededDoc.id}`)).status()).toBe(404);
  const trash = (await (await api.get('/api/trash')).json()) as { items: TrashedDocumentSummary[] };
  expect(trash.items.map((item) => item.id)).toContain(seededDoc.id);
});

test('bob’s document is deleted while he types: Restore and save keeps his words in it', async ({
  bob,
  api,
  seededDoc,
}) => {
  await bob.editor.open(seededDoc.id);
  await bob.editor.replaceInBody(third, 'Bob’s words must survive.');
  const { etag } = await seededDoc.fetch();
  expect(
    (await api.delete(`/api/docs/${seededDoc.id}`, { headers: { 'If-Match': etag } })).status(),
  ).toBe(204);

  const alert = bob.editor.alert('This document was deleted');
  await expect(alert).toContainText('in the trash');
  await expect(alert.getByRole('button', { name: 'Save as a new document' })).toBeVisible();
  await alert.getByRole('button', { name: 'Restore and save' }).click();

  await bob.editor.expectSaved();
  await expect(alert).toBeHidden();
  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(`${first}\n\n${second}\n\nBob’s words must survive.\n`);
  expect(doc.version).toBe(2);
  expect(doc.updated_by).toBe('Bob');
  const trash = (await (await api.get('/api/trash')).json()) as { items: TrashedDocumentSummary[] };
  expect(trash.items.map((item) => item.id)).not.toContain(seededDoc.id);
});

test('a save aimed at a trashed document is answered 409 document-deleted; the editor offers restoring', async ({
  bob,
  api,
  seededDoc,
}) => {
  // No event stream: only the save's answer can tell Bob's tab that the document is gone.
  await bob.page.route('**/events', (route) => route.abort());
  await bob.editor.open(seededDoc.id);
  await bob.editor.replaceInBody(third, 'Bob saves into the trash.');
  const { etag } = await seededDoc.fetch();
  await api.delete(`/api/docs/${seededDoc.id}`, { headers: { 'If-Match': etag } });

  const answer = bob.page.waitForResponse((r) => r.request().method() === 'PUT');
  await bob.editor.save();
  const refused = await answer;
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { type: string }).type).toMatch(/document-deleted$/);

  const alert = bob.editor.alert('This document was deleted');
  await expect(bob.editor.body).toHaveValue(`${first}\n\n${second}\n\nBob saves into the trash.\n`);
  await alert.getByRole('button', { name: 'Restore and save' }).click();
  await bob.editor.expectSaved();
  await expect(alert).toBeHidden();
  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(`${first}\n\n${second}\n\nBob saves into the trash.\n`);
  expect(doc.version).toBe(2);
});

test('restore and save after someone saved before deleting merges with their version, never overwrites it', async ({
  bob,
  api,
  seededDoc,
}) => {
  await bob.editor.open(seededDoc.id);
  await bob.editor.replaceInBody(third, 'Bob’s conclusion.');
  // Alice saves version 2 (Bob is told), then deletes it.
  const v1 = await seededDoc.fetch();
  const saved = await api.put(`/api/docs/${seededDoc.id}`, {
    data: { title: seededDoc.title, body: seededDoc.body.replace(first, 'Alice’s opening.') },
    headers: { 'If-Match': v1.etag, 'Concord-User': 'Alice' },
  });
  expect(saved.status()).toBe(200);
  await api.delete(`/api/docs/${seededDoc.id}`, { headers: { 'If-Match': saved.headers().etag! } });

  await bob.editor
    .alert('This document was deleted')
    .getByRole('button', { name: 'Restore and save' })
    .click();
  // Alice's version 2 is newer than Bob's base: merged without loss (the changes do not overlap).
  await bob.editor.expectSaved();
  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(`Alice’s opening.\n\n${second}\n\nBob’s conclusion.\n`);
  expect(doc.version).toBe(3);
  const versions = (await (await api.get(`/api/docs/${seededDoc.id}/versions`)).json()) as {
    items: DocumentDto[];
  };
  expect(versions.items.map((v) => v.version)).toEqual([3, 2, 1]);
});
