import { expect, paragraphs, test } from './fixtures.ts';
import { aliceSavesFirst } from './steps.ts';

const [first, second, third] = paragraphs as [string, string, string];

test('Escape closes the dialog, returns focus, and keeps every edit', async ({
  alice,
  bob,
  seededDoc,
}) => {
  await aliceSavesFirst({ alice, bob }, seededDoc.id, {
    bob: [[second, 'Bob argues his way.']],
    alice: [[second, 'Alice argues differently.']],
  });

  await bob.editor.saveButton.focus();
  await bob.page.keyboard.press('Enter');
  const dialog = bob.editor.dialog;
  await dialog.expectOpen();
  // Focus moves into the dialog, onto the first thing to decide.
  await expect(dialog.conflict(1).getByRole('button', { name: 'Use mine' })).toBeFocused();
  // Tab stays inside the modal dialog.
  for (let i = 0; i < 15; i++) await bob.page.keyboard.press('Tab');
  expect(await dialog.root.evaluate((el) => el.contains(document.activeElement))).toBe(true);

  await bob.page.keyboard.press('Escape');
  await dialog.expectClosed();
  await expect(bob.editor.saveButton).toBeFocused();
  await expect(bob.editor.body).toHaveValue(`${first}\n\nBob argues his way.\n\n${third}\n`);
  await bob.editor.expectUnsaved();

  // Nothing was written by the cancelled resolution.
  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(`${first}\n\nAlice argues differently.\n\n${third}\n`);
  expect(doc.version).toBe(2);

  // Saving again reopens the same conflict.
  await bob.editor.save();
  await dialog.expectOpen();
  await dialog.expectConflictsLeft(1);
});

test('both renamed the document: the title is a conflict of its own', async ({
  alice,
  bob,
  seededDoc,
}) => {
  await aliceSavesFirst({ alice, bob }, seededDoc.id, {
    bob: [{ title: `${seededDoc.title} (Bob)` }, [third, 'Bob concludes.']],
    alice: [{ title: `${seededDoc.title} (Alice)` }],
  });

  await bob.editor.save();
  const dialog = bob.editor.dialog;
  await dialog.expectOpen();
  await dialog.expectConflictsLeft(1);
  const titleGroup = dialog.root.getByRole('group', { name: 'Title conflict' });
  await titleGroup.getByRole('button', { name: 'Use their title' }).click();
  await expect(titleGroup.getByRole('textbox', { name: 'Merged title' })).toHaveValue(
    `${seededDoc.title} (Alice)`,
  );
  await dialog.expectConflictsLeft(0);
  await dialog.saveMerged();
  await dialog.expectClosed();
  await expect(bob.editor.title).toHaveValue(`${seededDoc.title} (Alice)`);

  const { doc } = await seededDoc.fetch();
  expect(doc.title).toBe(`${seededDoc.title} (Alice)`);
  expect(doc.body).toBe(`${first}\n\n${second}\n\nBob concludes.\n`);
});

test('a reload while resolving reopens the dialog with the work done in it', async ({
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
  // Bob types into the merged result, then the tab reloads (or crashes and is restored).
  await dialog.mergedResult.press('ControlOrMeta+End');
  await dialog.mergedResult.pressSequentially('A last line typed in the dialog.');
  const typed = `${first}\n\nBob argues his way.\n\n${third}\nA last line typed in the dialog.`;
  await expect(dialog.mergedResult).toHaveValue(typed);

  await bob.page.reload();
  await dialog.expectOpen();
  await expect(dialog.mergedResult).toHaveValue(typed);
  await dialog.expectConflictsLeft(0);
  await dialog.saveMerged();
  await dialog.expectClosed();
  await bob.editor.expectSaved();

  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(typed);
  expect(doc.version).toBe(3);

  // Once saved, a reload shows no dialog.
  await bob.page.reload();
  await expect(bob.editor.body).toHaveValue(typed);
  await expect(dialog.root).toBeHidden();
});
