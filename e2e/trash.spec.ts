import type { Page } from '@playwright/test';
import type { DocumentDto, TrashEntry, VersionSummary } from '../src/protocol/index.ts';
import { expect, paragraphs, test } from './fixtures.ts';

const [first, second, third] = paragraphs as [string, string, string];

/** A time as the page shows it: in the browser's locale and time zone (format-when.ts). */
async function shownTime(page: Page, iso: string): Promise<string> {
  return page.evaluate(
    (at) => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
    iso,
  );
}

test('a deleted document is found in the Trash and restored with its history and the edits left unsaved', async ({
  alice,
  api,
  seededDoc,
}) => {
  const { page, editor } = alice;
  const v1 = await seededDoc.fetch();
  const v2Body = seededDoc.body.replace(first, 'A second version.');
  await api.put(`/api/docs/${seededDoc.id}`, {
    data: { title: seededDoc.title, body: v2Body },
    headers: { 'If-Match': v1.etag },
  });

  // Alice types, then deletes without saving: her edits are not in the trash, but kept.
  await editor.open(seededDoc.id);
  await expect(editor.body).toHaveValue(v2Body);
  await editor.replaceInBody(third, 'Alice’s unsaved conclusion.');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const ask = page.getByRole('alertdialog', { name: 'Delete this document?' });
  await expect(ask).toContainText('Your unsaved changes are not in the trash');
  await ask.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);

  // From the list's "Trash" link, by keyboard.
  const trashLink = page.getByRole('link', { name: 'Trash', exact: true });
  await trashLink.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Trash' })).toBeVisible();
  const row = page
    .getByRole('list', { name: 'Deleted documents' })
    .getByRole('listitem')
    .filter({ hasText: seededDoc.title });
  await expect(row).toContainText('purged in 29 days');
  await expect(row).toContainText('version 2');
  // Who deleted it, and when: the server kept Alice's name with the delete.
  const inTrash = (await (await api.get('/api/trash')).json()) as { items: TrashEntry[] };
  const entry = inTrash.items.find((item) => item.id === seededDoc.id)!;
  expect(entry.deleted_by).toBe('Alice');
  await expect(row).toContainText(`Deleted by Alice, ${await shownTime(page, entry.deleted_at)}`);
  const restoreButton = row.getByRole('button', { name: 'Restore', exact: true });
  await restoreButton.focus();
  await page.keyboard.press('Enter');

  await expect(row).toBeHidden();
  const said = page.getByRole('status').filter({ hasText: `Restored “${seededDoc.title}”.` });
  await said.getByRole('link', { name: `Open “${seededDoc.title}”` }).click();
  await expect(editor.body).toHaveValue(
    `A second version.\n\n${second}\n\nAlice’s unsaved conclusion.\n`,
  );
  await editor.expectUnsaved();

  // The server has it back as it was: both versions, nothing of the unsaved edits.
  const { doc } = await seededDoc.fetch();
  expect(doc.version).toBe(2);
  expect(doc.body).toBe(v2Body);
  const versions = (await (await api.get(`/api/docs/${seededDoc.id}/versions`)).json()) as {
    items: VersionSummary[];
  };
  expect(versions.items.map((v) => v.version)).toEqual([2, 1]);
  const trash = (await (await api.get('/api/trash')).json()) as { items: TrashEntry[] };
  expect(trash.items.map((item) => item.id)).not.toContain(seededDoc.id);
});

test('a restore refused because the title was taken meanwhile says so and keeps it in the trash', async ({
  alice,
  api,
  seededDoc,
}) => {
  const { etag } = await seededDoc.fetch();
  await api.delete(`/api/docs/${seededDoc.id}`, { headers: { 'If-Match': etag } });
  const taker = await api.post('/api/docs', { data: { title: seededDoc.title, body: 'new\n' } });
  expect(taker.status()).toBe(201);

  await alice.page.goto('/trash');
  const row = alice.page.getByRole('listitem').filter({ hasText: seededDoc.title });
  // Deleted by a script that gave no name: the row says only when.
  const inTrash = (await (await api.get('/api/trash')).json()) as { items: TrashEntry[] };
  const entry = inTrash.items.find((item) => item.id === seededDoc.id)!;
  expect(entry.deleted_by).toBe('');
  await expect(row).toContainText(`Deleted ${await shownTime(alice.page, entry.deleted_at)} ·`);
  await expect(row).not.toContainText('Deleted by');
  await row.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(row.getByRole('alert')).toContainText(
    `Not restored: another document is now called “${seededDoc.title}”`,
  );

  expect((await api.get(`/api/docs/${seededDoc.id}`)).status()).toBe(404);
  const trash = (await (await api.get('/api/trash')).json()) as { items: DocumentDto[] };
  expect(trash.items.map((item) => item.id)).toContain(seededDoc.id);
});
