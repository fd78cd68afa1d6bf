import { expect, paragraphs, test } from './fixtures.ts';
import { EditorPage } from './pages/editor-page.ts';

const [first, second, third] = paragraphs as [string, string, string];

test('two tabs of one browser: the second save merges, and drafts stay in their tab', async ({
  tabs: [tabA, tabB],
  seededDoc,
}) => {
  await tabA.open(seededDoc.id);
  await tabB.open(seededDoc.id);
  // Tab B is already editing when tab A saves.
  await tabB.replaceInBody(third, 'Tab B concludes.');

  await tabA.replaceInBody(first, 'Tab A opens.');
  await tabA.save();
  await tabA.expectSaved();

  await tabB.save();
  // Nothing overlaps: the merge is saved without a dialog, and said.
  await expect(tabB.mergedNotice).toBeVisible();
  await tabB.expectSaved();

  // An unsaved draft in tab A does not show up in tab B, even after B reloads.
  await tabA.typeAtEnd('Only in tab A.');
  await tabA.expectUnsaved();
  await tabB.page.reload();
  await expect(tabB.body).toHaveValue(`Tab A opens.\n\n${second}\n\nTab B concludes.\n`);
  await tabB.expectSaved();

  // Tab A still has its own draft after a reload.
  const draftA = await tabA.body.inputValue();
  expect(draftA).toContain('Only in tab A.');
  await tabA.page.reload();
  await expect(tabA.body).toHaveValue(draftA);
  await tabA.expectUnsaved();

  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(`Tab A opens.\n\n${second}\n\nTab B concludes.\n`);
  expect(doc.version).toBe(3);
});

test('a reload restores unsaved edits, and a later conflict merges against the right base', async ({
  alice,
  bob,
  seededDoc,
}) => {
  await bob.editor.open(seededDoc.id);
  await bob.editor.replaceInBody(third, 'Bob concludes after a reload.');
  await bob.editor.expectUnsaved();

  await bob.page.reload();
  await expect(bob.editor.body).toHaveValue(
    `${first}\n\n${second}\n\nBob concludes after a reload.\n`,
  );
  await expect(bob.page.getByText(/Restored your unsaved edits/)).toBeVisible();
  await bob.editor.expectUnsaved();

  // Alice saves after Bob's edits began: Bob's base is still version 1.
  await alice.editor.open(seededDoc.id);
  await alice.editor.replaceInBody(first, 'Alice rewrote the opening.');
  await alice.editor.save();
  await alice.editor.expectSaved();

  await bob.editor.save();
  await expect(bob.editor.mergedNotice).toContainText('Alice’s changes');
  await bob.editor.expectSaved();

  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(
    `Alice rewrote the opening.\n\n${second}\n\nBob concludes after a reload.\n`,
  );
});

test('a closed tab’s unsaved edits are offered back in the next tab that opens the document', async ({
  tabs: [tabA, tabB],
  seededDoc,
}) => {
  await tabA.open(seededDoc.id);
  await tabA.replaceInBody(third, 'Written in a tab about to be closed.');
  await tabA.expectUnsaved();

  // While tab A is open, its draft is its own: another tab is offered nothing.
  await tabB.open(seededDoc.id);
  await expect(await tabB.closedTabOffer()).toHaveCount(0);

  await tabA.page.close();
  const tabC = new EditorPage(await tabB.page.context().newPage());
  await tabC.open(seededDoc.id);
  const offer = await tabC.closedTabOffer();
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Restore them' }).click();
  const restored = `${first}\n\n${second}\n\nWritten in a tab about to be closed.\n`;
  await expect(tabC.body).toHaveValue(restored);
  await expect(offer).toHaveCount(0);
  await expect(tabC.page.getByText(/Restored the edits of a closed tab/)).toBeVisible();
  await tabC.expectUnsaved();
  // Nothing is on the server until it is saved.
  expect((await seededDoc.fetch()).doc.version).toBe(1);
  await tabC.save();
  await tabC.expectSaved();

  // Taken once: no other tab is offered it again.
  await tabB.page.reload();
  await expect(tabB.body).toHaveValue(restored);
  await expect(await tabB.closedTabOffer()).toHaveCount(0);
  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(restored);
  expect(doc.version).toBe(2);
});

test('a closed tab’s edits can be discarded, and are then offered nowhere', async ({
  tabs: [tabA, tabB],
  seededDoc,
}) => {
  await tabA.open(seededDoc.id);
  await tabA.typeAtEnd('Not wanted after all.');
  await tabA.expectUnsaved();
  await tabA.page.close();

  await tabB.open(seededDoc.id);
  const offer = await tabB.closedTabOffer();
  await offer.getByRole('button', { name: 'Discard them' }).click();
  await expect(offer).toHaveCount(0);
  await expect(tabB.body).toHaveValue(seededDoc.body);
  await tabB.expectSaved();

  const tabC = new EditorPage(await tabB.page.context().newPage());
  await tabC.open(seededDoc.id);
  await expect(await tabC.closedTabOffer()).toHaveCount(0);
  expect((await seededDoc.fetch()).doc.version).toBe(1);
});

test('a closed tab’s edits that an earlier version of the app kept in localStorage are still offered', async ({
  tabs: [tab],
  seededDoc,
}) => {
  // Before drafts moved to IndexedDB, closed tabs' drafts were mirrored to localStorage.
  const { doc, etag } = await seededDoc.fetch();
  const mine = `${first}\n\n${second}\n\nKept by the app before its upgrade.\n`;
  const draft = {
    base: { title: doc.title, body: doc.body, etag, version: doc.version },
    mine: { title: doc.title, body: mine },
    savedAt: new Date().toISOString(),
  };
  await tab.page.goto('/');
  await tab.page.evaluate(
    ([key, json]) => localStorage.setItem(key!, json!),
    [`concord:tab-draft:${doc.id}:a-tab-closed-before-the-upgrade`, JSON.stringify(draft)],
  );
  await tab.open(seededDoc.id);
  const offer = await tab.closedTabOffer();
  await offer.getByRole('button', { name: 'Restore them' }).click();
  await expect(tab.body).toHaveValue(mine);
  await tab.save();
  await tab.expectSaved();
  expect((await seededDoc.fetch()).doc.body).toBe(mine);
  // Taken: it is gone from localStorage too.
  const left = await tab.page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('concord:tab-draft:')),
  );
  expect(left).toEqual([]);
});

test('every key typed before a reload is still there, and Ctrl+S saves it', async ({
  bob,
  seededDoc,
}) => {
  await bob.editor.open(seededDoc.id);
  await bob.editor.typeAtEnd('Typed, not pasted: ünïcödé ✓ 👍');
  await bob.page.reload();
  await expect(bob.editor.body).toHaveValue(`${seededDoc.body}Typed, not pasted: ünïcödé ✓ 👍`);
  await bob.page.keyboard.press('ControlOrMeta+s');
  await bob.editor.expectSaved();
  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(`${seededDoc.body}Typed, not pasted: ünïcödé ✓ 👍`);
});

test.describe('a large document', () => {
  const lines = Array.from(
    { length: 3_000 },
    (_, i) => `Line ${i} of a long report, written long enough that its draft is stored lazily.`,
  );
  test.use({ seedBody: `${lines.join('\n')}\n` });

  test('keys typed just before a reload are kept, though large drafts are written lazily', async ({
    bob,
    seededDoc,
  }) => {
    await bob.editor.open(seededDoc.id);
    await bob.editor.typeAtEnd('Kept.');
    await bob.editor.expectUnsaved();
    // No pause: the draft is written when the page goes away, not only on a timer.
    await bob.page.reload();
    await expect(bob.editor.body).toHaveValue(`${seededDoc.body}Kept.`);
    await bob.editor.expectUnsaved();
  });
});
