import { expect, paragraphs, test } from './fixtures.ts';

const [first, second, third] = paragraphs as [string, string, string];

test('a save made offline waits, keeps every edit, and goes out when the browser is back online, merging what landed meanwhile', async ({
  alice,
  bob,
  seededDoc,
}) => {
  await alice.editor.open(seededDoc.id);
  await bob.editor.open(seededDoc.id);
  await bob.editor.replaceInBody(third, 'Bob wrote this on a train.');

  await bob.page.context().setOffline(true);
  await bob.editor.save();
  await bob.editor.expectSaveWaitingForConnection();
  await bob.editor.typeAtEnd('And this, still offline.');

  // Meanwhile Alice saves; Bob cannot hear of it.
  await alice.editor.replaceInBody(first, 'Alice saved while Bob was away.');
  await alice.editor.save();
  await alice.editor.expectSaved();
  expect((await seededDoc.fetch()).doc.version).toBe(2);

  // Back online, the waiting save goes by itself, meets Alice's version, and merges.
  await bob.page.context().setOffline(false);
  await expect(bob.editor.mergedNotice).toContainText('Alice’s changes');
  await expect(bob.editor.dialog.root).toBeHidden();
  await bob.editor.expectSaved();

  const merged = `Alice saved while Bob was away.\n\n${second}\n\nBob wrote this on a train.\nAnd this, still offline.`;
  await expect(bob.editor.body).toHaveValue(merged);
  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(merged);
  expect(doc.version).toBe(3);
  expect(doc.updated_by).toBe('Bob');
});

test('a save that cannot reach the server says so and keeps the edits; the next save goes through', async ({
  bob,
  seededDoc,
}) => {
  await bob.editor.open(seededDoc.id);
  await bob.editor.replaceInBody(third, 'Bob wrote this while the server was down.');
  // The browser thinks it is online, but nothing answers.
  await bob.page.route('**/api/docs/**', (route) => route.abort('connectionrefused'));
  await bob.editor.save();
  await expect(bob.page.getByRole('alert')).toHaveText(
    'The server could not be reached. Your edits are kept here; try again.',
  );
  await bob.editor.expectUnsaved();
  expect((await seededDoc.fetch()).doc.version).toBe(1);

  await bob.page.unroute('**/api/docs/**');
  await bob.editor.save();
  await bob.editor.expectSaved();
  await expect(bob.page.getByRole('alert')).toHaveCount(0);
  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(`${first}\n\n${second}\n\nBob wrote this while the server was down.\n`);
  expect(doc.version).toBe(2);
});

test('a save the server cannot take just now (503) says the edits are kept; the next save goes through', async ({
  bob,
  seededDoc,
}) => {
  await bob.editor.open(seededDoc.id);
  await bob.editor.replaceInBody(third, 'Bob wrote this while the server was busy.');
  await bob.page.route('**/api/docs/**', async (route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503 }),
        })
      : route.continue(),
  );
  await bob.editor.save();
  await expect(bob.page.getByRole('alert')).toHaveText(
    'Not saved: the server is unable just now (Service Unavailable). Your edits are kept here; try Save again in a moment.',
  );
  await bob.editor.expectUnsaved();

  await bob.page.unroute('**/api/docs/**');
  await bob.editor.save();
  await bob.editor.expectSaved();
  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(`${first}\n\n${second}\n\nBob wrote this while the server was busy.\n`);
  expect(doc.version).toBe(2);
});

test('a save whose answer is lost, then more typing and a save: the text is saved once, not merged with itself', async ({
  bob,
  seededDoc,
}) => {
  await bob.editor.open(seededDoc.id);
  await bob.editor.typeAtEnd('First sentence.');
  // The save reaches the server and lands; its answer never comes back.
  await bob.page.route('**/api/docs/**', async (route) => {
    if (route.request().method() !== 'PUT') return route.continue();
    await route.fetch();
    await route.abort('connectionreset');
  });
  await bob.editor.save();
  await expect(bob.page.getByRole('alert')).toContainText('Your edits are kept here');
  expect((await seededDoc.fetch()).doc.version).toBe(2);

  await bob.page.unroute('**/api/docs/**');
  await bob.editor.typeAtEnd(' Second sentence.');
  await bob.editor.save();
  await bob.editor.expectSaved();
  await expect(bob.editor.dialog.root).toBeHidden();
  const expected = `${seededDoc.body}First sentence. Second sentence.`;
  await expect(bob.editor.body).toHaveValue(expected);
  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(expected);
  expect(doc.version).toBe(3);
});
