import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './accounts-fixtures.ts';
import { paragraphs } from './fixtures.ts';
import { seriousViolations } from './serious-violations.ts';
import { ShareDialogPage } from './pages/share-dialog-page.ts';
import { aliceSavesFirst } from './steps.ts';

const [first, , third] = paragraphs as [string, string, string];

/** Who the server says the document is shared with, as Alice (its owner) asks. */
async function membersOf(api: APIRequestContext, id: string) {
  const response = await api.get(`/api/docs/${id}/members`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: unknown[] }).items;
}

test('Bob cannot open Alice’s document until she shares it; then both edit, and their saves conflict and merge as before', async ({
  alice,
  bob,
  api,
  seededDoc,
}) => {
  // Bob is told plainly that there is nothing for him here, and sees no trace of it in his list.
  await bob.page.goto(`/docs/${seededDoc.id}`);
  await expect(bob.page.getByRole('alert')).toHaveText(
    'This document does not exist, or it is not shared with you (it may have been deleted). Back to your documents',
  );
  await bob.page.goto('/');
  await expect(bob.page.getByRole('button', { name: 'New document' })).toBeVisible();
  await expect(bob.page.getByRole('link', { name: seededDoc.title })).toHaveCount(0);

  await alice.editor.open(seededDoc.id);
  const share = new ShareDialogPage(alice.page);
  await share.open();
  // WAI-ARIA dialog: focus starts in the first field, Escape closes and gives focus back.
  await expect(share.username).toBeFocused();
  await alice.page.keyboard.press('Escape');
  await expect(share.dialog).toBeHidden();
  await expect(share.shareButton).toBeFocused();

  await share.open();
  await expect(share.person('Alice')).toContainText('Owner');
  await share.fillAndAdd('Mallory', 'Editor');
  await expect(share.alert).toHaveText('There is no account named "Mallory".');
  await share.add('bob', 'Editor');
  await expect(share.person('Bob')).toContainText('Editor');
  await share.close();
  expect(await membersOf(api, seededDoc.id)).toEqual([
    { username: 'Alice', role: 'owner' },
    { username: 'Bob', role: 'editor' },
  ]);

  // Now Bob opens it, and the two edit side by side as before.
  await aliceSavesFirst({ alice, bob }, seededDoc.id, {
    bob: [[third, 'Bob sharpened the conclusion.']],
    alice: [[first, 'Alice rewrote the opening.']],
  });
  // Sharing is the owner's: an editor has no Share button.
  await expect(new ShareDialogPage(bob.page).shareButton).toHaveCount(0);
  await bob.editor.save();
  await expect(bob.editor.mergedNotice).toContainText('Saved with Alice’s changes merged in');
  await bob.editor.expectSaved();

  const { doc } = await seededDoc.fetch();
  expect(doc.updated_by).toBe('Bob');
  expect(doc.version).toBe(3);
  expect(doc.body).toContain('Alice rewrote the opening.');
  expect(doc.body).toContain('Bob sharpened the conclusion.');
});

test('Bob as a viewer gets a read-only editor that says whom to ask; once removed, the document is gone for him', async ({
  alice,
  bob,
  api,
  seededDoc,
}) => {
  await alice.editor.open(seededDoc.id);
  const share = new ShareDialogPage(alice.page);
  await share.open();
  await share.add('Bob', 'Viewer');
  expect(await seriousViolations(alice.page, '.share-dialog'), 'share dialog').toEqual([]);
  await alice.page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(alice.page, '.share-dialog'), 'share dialog, dark').toEqual([]);
  await alice.page.emulateMedia({ colorScheme: 'light' });
  await share.close();

  await bob.page.goto(`/docs/${seededDoc.id}`);
  await expect(bob.editor.body).toHaveValue(seededDoc.body);
  expect(await seriousViolations(bob.page, 'body'), 'read-only editor').toEqual([]);
  await expect(bob.editor.title).not.toBeEditable();
  await expect(bob.editor.body).not.toBeEditable();
  await expect(bob.editor.saveButton).toHaveCount(0);
  await expect(bob.page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await expect(new ShareDialogPage(bob.page).shareButton).toHaveCount(0);
  await expect(bob.page.getByText('Read only: Alice shared this document with you')).toContainText(
    'ask Alice to make you an editor',
  );
  // Ctrl+S saves nothing: the server still holds Alice's version 1.
  await bob.editor.body.press('ControlOrMeta+s');

  // Alice's save reaches the viewer as it reaches anyone following the document.
  await alice.editor.typeAtEnd('A line for the viewer.');
  await alice.editor.save();
  await alice.editor.expectSaved();
  await expect(bob.editor.body).toHaveValue(`${seededDoc.body}A line for the viewer.`);
  // He may read every version in History, and restore none.
  await bob.page.getByRole('button', { name: 'History' }).click();
  await bob.page.getByRole('link', { name: 'Version 1', exact: true }).click();
  await expect(bob.page.getByRole('region', { name: 'Changes in version 1' })).toBeVisible();
  await expect(bob.page.getByRole('button', { name: 'Restore this version' })).toHaveCount(0);

  await share.open();
  await share.remove('Bob');
  await share.close();
  expect(await membersOf(api, seededDoc.id)).toEqual([{ username: 'Alice', role: 'owner' }]);
  const { doc } = await seededDoc.fetch();
  expect(doc.version).toBe(2);
  expect(doc.updated_by).toBe('Alice');
  expect((await bob.page.request.get(`/api/docs/${seededDoc.id}`)).status()).toBe(404);
});
