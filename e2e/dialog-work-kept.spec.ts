import { expect, paragraphs, test } from './fixtures.ts';
import { aliceSavesFirst, saveAndTakeTheirs } from './steps.ts';

const [first, second, third] = paragraphs as [string, string, string];

test('Escape keeps the dialog’s work: Save reopens it where it was, also after a reload', async ({
  alice,
  bob,
  seededDoc,
}) => {
  await aliceSavesFirst({ alice, bob }, seededDoc.id, {
    bob: [[second, 'Bob argues his way.']],
    alice: [[second, 'Alice argues differently.']],
  });

  await bob.editor.save();
  const dialog = bob.editor.dialog;
  await dialog.expectOpen();
  await dialog.useMine(1);
  await dialog.mergedResult.press('ControlOrMeta+End');
  await dialog.mergedResult.pressSequentially('A note typed in the dialog.');
  const typed = `${first}\n\nBob argues his way.\n\n${third}\nA note typed in the dialog.`;
  await expect(dialog.mergedResult).toHaveValue(typed);

  await bob.page.keyboard.press('Escape');
  await dialog.expectClosed();
  await expect(bob.page.getByText(/Your work in the conflict dialog is kept/)).toBeVisible();

  await bob.editor.save();
  await dialog.expectOpen();
  await expect(dialog.mergedResult).toHaveValue(typed);
  await dialog.expectConflictsLeft(0);

  // Cancel, then a reload: the work is still there.
  await dialog.cancel();
  await dialog.expectClosed();
  await bob.page.reload();
  await expect(bob.editor.body).toBeEditable();
  await dialog.expectClosed();
  await bob.editor.save();
  await dialog.expectOpen();
  await expect(dialog.mergedResult).toHaveValue(typed);
  await dialog.saveMerged();
  await dialog.expectClosed();
  await bob.editor.expectSaved();

  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(typed);
  expect(doc.version).toBe(3);
});

test('Escape, then a newer version lands: Save re-merges onto it, keeping the choice and the note', async ({
  alice,
  bob,
  api,
  seededDoc,
}) => {
  await aliceSavesFirst({ alice, bob }, seededDoc.id, {
    bob: [[second, 'Bob argues his way.']],
    alice: [[second, 'Alice argues differently.']],
  });
  await bob.editor.save();
  const dialog = bob.editor.dialog;
  await dialog.expectOpen();
  await dialog.useMine(1);
  await dialog.mergedResult.press('ControlOrMeta+End');
  await dialog.mergedResult.pressSequentially('A note.');
  await bob.page.keyboard.press('Escape');
  await dialog.expectClosed();

  // Carol saves a change elsewhere meanwhile.
  const current = await seededDoc.fetch();
  const carol = await api.put(`/api/docs/${seededDoc.id}`, {
    headers: { 'If-Match': current.etag, 'Concord-User': 'Carol' },
    data: { title: current.doc.title, body: current.doc.body.replace(first, 'Carol opens.') },
  });
  expect(carol.status()).toBe(200);

  await bob.editor.save();
  await dialog.expectOpen();
  const expected = `Carol opens.\n\nBob argues his way.\n\n${third}\nA note.`;
  await expect(dialog.mergedResult).toHaveValue(expected);
  await dialog.expectConflictsLeft(0);
  await dialog.saveMerged();
  await dialog.expectClosed();
  await bob.editor.expectSaved();

  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(expected);
  expect(doc.version).toBe(4);
});

test('Restore my edits merges them with what was typed since Take theirs, and the next save lands', async ({
  alice,
  bob,
  seededDoc,
}) => {
  await aliceSavesFirst({ alice, bob }, seededDoc.id, {
    bob: [[second, 'Bob argues his way.']],
    alice: [
      [first, 'Alice sets a sharper scene.'],
      [second, 'Alice argues differently.'],
    ],
  });
  await saveAndTakeTheirs(bob);

  // Bob writes a new paragraph on their version, then wants his own words back too.
  await bob.editor.typeAtEnd('\nA new paragraph by Bob.\n');
  await bob.page.getByRole('button', { name: 'Restore my edits' }).click();
  // His words are back where they overlapped Alice's; her own opening stays.
  const restored = `Alice sets a sharper scene.\n\nBob argues his way.\n\n${third}\n\nA new paragraph by Bob.\n`;
  await expect(bob.editor.body).toHaveValue(restored);
  await bob.editor.expectUnsaved();
  // Nothing was saved by restoring.
  expect((await seededDoc.fetch()).doc.version).toBe(2);

  // The conflict Take theirs settled does not come back: the save lands as it is.
  await bob.editor.save();
  await bob.editor.expectSaved();
  await bob.editor.dialog.expectClosed();

  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(restored);
  expect(doc.version).toBe(3);
});
