import { expect, paragraphs, test } from './fixtures.ts';
import { aliceSavesFirst } from './steps.ts';

const [first, second, third] = paragraphs as [string, string, string];

test('alice saves while bob types: bob is told at once, merges, and saves without a conflict', async ({
  alice,
  bob,
  seededDoc,
}) => {
  await alice.editor.open(seededDoc.id);
  await bob.editor.open(seededDoc.id);
  await bob.editor.replaceInBody(third, 'Bob is still writing the conclusion');
  await bob.editor.expectUnsaved();

  await alice.editor.replaceInBody(first, 'Alice rewrote the opening.');
  await alice.editor.save();
  await alice.editor.expectSaved();

  const notice = bob.page.getByRole('region', { name: 'Newer version' });
  await expect(notice).toContainText('Alice saved a newer version', { timeout: 1_000 });
  // Bob still edits version 1, which Alice did not save.
  const versionLine = bob.page.getByText(/^version \d/);
  await expect(versionLine).toHaveText('version 1');
  await notice.getByRole('button', { name: 'Merge their changes' }).click();
  await expect(versionLine).toHaveText('version 2 · last saved by Alice');
  await expect(bob.editor.body).toHaveValue(
    `Alice rewrote the opening.\n\n${second}\n\nBob is still writing the conclusion\n`,
  );
  await expect(notice).toBeHidden();

  // Bob keeps typing, then saves: his draft now starts from Alice's version, so no 409.
  await bob.editor.body.press('ControlOrMeta+End');
  await bob.editor.body.press('ArrowUp');
  await bob.editor.body.press('End');
  await bob.editor.body.pressSequentially(', and now it is done.');
  await bob.editor.save();
  await bob.editor.expectSaved();
  await expect(bob.editor.dialog.root).toBeHidden();

  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(
    `Alice rewrote the opening.\n\n${second}\n\nBob is still writing the conclusion, and now it is done.\n`,
  );
  expect(doc.version).toBe(3);
});

test('merging a newer version that overlaps the draft goes through the dialog, without saving', async ({
  alice,
  bob,
  seededDoc,
}) => {
  await aliceSavesFirst({ alice, bob }, seededDoc.id, {
    bob: [[second, 'Bob argues his way.']],
    alice: [[second, 'Alice argues differently.']],
  });

  await bob.page
    .getByRole('region', { name: 'Newer version' })
    .getByRole('button', { name: 'Merge their changes' })
    .click();
  const dialog = bob.editor.dialog;
  await dialog.expectOpen();
  // Keep mine would save nothing now: its warning says the loss comes with the next save.
  await dialog.keepMine();
  await expect(dialog.discardDialog).toContainText(
    'Keep mine leaves your version as it is; your next save then undoes these changes Alice made:',
  );
  await dialog.goBack();
  await dialog.useBoth(1);
  await dialog.button('Use merged version').click();
  await dialog.expectClosed();
  await expect(bob.editor.body).toHaveValue(
    `${first}\n\nBob argues his way.\nAlice argues differently.\n\n${third}\n`,
  );
  await bob.editor.expectUnsaved();

  // Nothing was saved by merging; saving now lands without a conflict.
  expect((await seededDoc.fetch()).doc.version).toBe(2);
  await bob.editor.save();
  await bob.editor.expectSaved();
  await expect(dialog.root).toBeHidden();
  expect((await seededDoc.fetch()).doc.body).toBe(
    `${first}\n\nBob argues his way.\nAlice argues differently.\n\n${third}\n`,
  );
});

test('a tab with nothing unsaved follows the other tab’s save at once', async ({
  tabs: [tabA, tabB],
  seededDoc,
}) => {
  await tabA.open(seededDoc.id);
  await tabB.open(seededDoc.id);
  await tabA.replaceInBody(first, 'Tab A opens.');
  await tabA.save();
  await tabA.expectSaved();
  await expect(tabB.body).toHaveValue(`Tab A opens.\n\n${second}\n\n${third}\n`, {
    timeout: 1_000,
  });
  await tabB.expectSaved();
});

test('a document deleted while you edit: you are told, and your text becomes a new document', async ({
  bob,
  api,
  seededDoc,
}) => {
  await bob.editor.open(seededDoc.id);
  await bob.editor.replaceInBody(third, 'Bob’s words must survive.');

  const { etag } = await seededDoc.fetch();
  const removed = await api.delete(`/api/docs/${seededDoc.id}`, { headers: { 'If-Match': etag } });
  expect(removed.status()).toBe(204);

  const alert = bob.page.getByRole('alert').filter({ hasText: 'This document was deleted' });
  await expect(alert).toBeVisible();
  await expect(bob.editor.body).toHaveValue(`${first}\n\n${second}\n\nBob’s words must survive.\n`);
  await alert.getByRole('button', { name: 'Save as a new document' }).click();

  await expect(bob.page).not.toHaveURL(new RegExp(seededDoc.id));
  await bob.editor.expectSaved();
  await expect(bob.editor.body).toHaveValue(`${first}\n\n${second}\n\nBob’s words must survive.\n`);
  const newId = decodeURIComponent(new URL(bob.page.url()).pathname.split('/').pop()!);
  const created = await api.get(`/api/docs/${newId}`);
  expect(created.status()).toBe(200);
  expect((await created.json()).body).toBe(`${first}\n\n${second}\n\nBob’s words must survive.\n`);
  expect((await api.get(`/api/docs/${seededDoc.id}`)).status()).toBe(404);
});

test('the document list follows creations, saves and deletions live', async ({ alice, api }) => {
  await alice.page.goto('/');
  await expect(alice.page.getByRole('button', { name: 'New document' })).toBeVisible();
  // Loaded before the create, so only the event stream (an event, or the reload when it opens)
  // can bring the new document in: the list is never polled. The default timeout: on a loaded
  // machine the event and the refetch it causes once took over 2 s.
  await expect(alice.page.getByText('Loading…')).toBeHidden();
  const title = `Live list ${Date.now()}`;

  const created = await api.post('/api/docs', { data: { title, body: 'v1\n' } });
  expect(created.status()).toBe(201);
  const link = alice.page.getByRole('link', { name: title, exact: true });
  await expect(link).toBeVisible();

  const id = (await created.json()).id as string;
  const saved = await api.put(`/api/docs/${id}`, {
    headers: { 'If-Match': created.headers().etag!, 'Concord-User': 'Carol' },
    data: { title, body: 'v2\n' },
  });
  expect(saved.status()).toBe(200);
  await expect(alice.page.getByRole('listitem').filter({ has: link })).toContainText('version 2');
  await expect(alice.page.getByRole('listitem').filter({ has: link })).toContainText('by Carol');

  const removed = await api.delete(`/api/docs/${id}`, {
    headers: { 'If-Match': saved.headers().etag! },
  });
  expect(removed.status()).toBe(204);
  await expect(link).toBeHidden();
  expect((await api.get(`/api/docs/${id}`)).status()).toBe(404);
});
