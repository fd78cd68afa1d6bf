import { expect, paragraphs, test } from './fixtures.ts';

const [first, second, third] = paragraphs as [string, string, string];

test('a live update in a tab with nothing unsaved keeps the caret and selection, and says who changed what', async ({
  alice,
  bob,
  seededDoc,
}) => {
  await alice.editor.open(seededDoc.id);
  await bob.editor.open(seededDoc.id);

  // Bob selects "third" in the last paragraph, about to replace it.
  const { body } = bob.editor;
  await body.focus();
  await body.press('ControlOrMeta+Home');
  for (let i = 0; i < 4; i++) await body.press('ArrowDown');
  for (let i = 0; i < 4; i++) await body.press('ArrowRight');
  for (let i = 0; i < 5; i++) await body.press('Shift+ArrowRight');
  const selected = seededDoc.body.indexOf('third');
  expect(await bob.editor.bodySelection()).toEqual([selected, selected + 5]);

  // Alice rewrites the opening above it and saves.
  await alice.editor.replaceInBody(
    first,
    'The first paragraph, rewritten by Alice, sets the scene.',
  );
  await alice.editor.save();
  await alice.editor.expectSaved();
  const updated = `The first paragraph, rewritten by Alice, sets the scene.\n\n${second}\n\n${third}\n`;
  await expect(body).toHaveValue(updated);
  // Still the same word selected, so typing replaces it, not the end of the text.
  const moved = updated.indexOf('third');
  expect(await bob.editor.bodySelection()).toEqual([moved, moved + 5]);

  const notice = bob.editor.liveUpdate();
  await expect(notice).toContainText('Alice saved version 2; the text is updated.');
  await expect(notice.locator('ins')).toHaveText(', rewritten by Alice,');
  await body.pressSequentially('final');
  await bob.editor.save();
  await bob.editor.expectSaved();

  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(updated.replace('The third paragraph', 'The final paragraph'));
  expect(doc.version).toBe(3);
});

test('your own save in another tab is yours, not a colleague’s of the same name', async ({
  tabs: [tabA, tabB],
  api,
  seededDoc,
}) => {
  await tabA.open(seededDoc.id);
  await tabB.open(seededDoc.id);
  await tabB.replaceInBody(third, 'Tab B concludes.');

  await tabA.replaceInBody(first, 'Tab A opens.');
  await tabA.save();
  await tabA.expectSaved();

  const notice = tabB.newerVersion();
  await expect(notice).toContainText('You saved a newer version in another tab (version 2).');
  await expect(notice).not.toContainText('Tabby');
  // Nor are the changes "theirs": they come from the person's other tab.
  await expect(notice.getByRole('button')).toHaveText(['Merge the changes from your other tab']);
  await notice.getByRole('button', { name: 'Merge the changes from your other tab' }).click();
  await expect(tabB.body).toHaveValue(`Tab A opens.\n\n${second}\n\nTab B concludes.\n`);
  await expect(tabB.mergedNotice).toContainText(
    'Merged your other tab’s changes (version 2: one passage of the body) into your draft',
  );
  await tabB.save();
  await tabB.expectSaved();

  // Another browser saving under the same name is someone else.
  await tabB.typeAtEnd('More from tab B.');
  const { doc: saved, etag } = await seededDoc.fetch();
  const other = await api.put(`/api/docs/${seededDoc.id}`, {
    headers: { 'If-Match': etag, 'Concord-User': 'Tabby' },
    data: { title: saved.title, body: `${saved.body}From elsewhere.\n` },
  });
  expect(other.status()).toBe(200);
  await expect(notice).toContainText('Tabby saved a newer version (version 4)');
  await expect(notice.getByRole('button')).toHaveText(['Merge their changes']);

  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(`Tab A opens.\n\n${second}\n\nTab B concludes.\nFrom elsewhere.\n`);
  expect(doc.version).toBe(4);
});
