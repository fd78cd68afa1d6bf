import { expect, paragraphs, test } from './fixtures.ts';
import { aliceSavesFirst, saveAndTakeTheirs } from './steps.ts';

const [first, second, third] = paragraphs as [string, string, string];

test('restoring earlier edits that overlap what was typed since names both sides as the writer’s own', async ({
  alice,
  bob,
  seededDoc,
}) => {
  await aliceSavesFirst({ alice, bob }, seededDoc.id, {
    bob: [[second, 'Bob argues his way.']],
    alice: [[second, 'Alice argues differently.']],
  });
  await saveAndTakeTheirs(bob);

  // On their version Bob reworks the same paragraph, then wants his earlier words back.
  await bob.editor.replaceInBody('Alice argues differently.', 'Alice argues, and Bob agrees.');
  await bob.page.getByRole('button', { name: 'Restore my edits' }).click();

  const dialog = bob.page.getByRole('dialog', { name: 'Resolve edit conflict' });
  await expect(dialog).toContainText('Your earlier edits overlap what you typed since');
  const conflict = dialog.getByRole('group', { name: 'Conflict 1 of 1' });
  await expect(conflict).toContainText('Typed since');
  await expect(conflict).toContainText('Your earlier edits');
  // Not "mine" and "theirs": both are Bob's, and "Take theirs" would take his own earlier edits.
  await expect(dialog.getByRole('button', { name: 'Take theirs' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Keep mine' })).toHaveCount(0);
  await expect(conflict.getByRole('button', { name: 'Use typed since' })).toBeVisible();

  // Keeping what he typed since warns that his earlier edits are left out, not "their changes".
  await dialog.getByRole('button', { name: 'Keep typed since' }).click();
  const warning = bob.page.getByRole('alertdialog', { name: 'Leave out your earlier edits?' });
  // (Shown as a word diff of Alice's sentence: "Alice"→"Bob", "differently"→"his way".)
  await expect(warning.locator('ins')).toHaveText(['Bob', 'his way']);
  await warning.getByRole('button', { name: 'Go back' }).click();
  await expect(warning).toBeHidden();

  await conflict.getByRole('button', { name: 'Use earlier edits' }).click();
  await dialog.getByRole('button', { name: 'Use merged version' }).click();
  await expect(dialog).toBeHidden();
  await expect(bob.editor.body).toHaveValue(`${first}\n\nBob argues his way.\n\n${third}\n`);
  // Restoring saves nothing.
  expect((await seededDoc.fetch()).doc.version).toBe(2);
  expect((await seededDoc.fetch()).doc.body).toBe(
    `${first}\n\nAlice argues differently.\n\n${third}\n`,
  );
});

test('after restoring earlier edits that overlap what was typed since, the next save lands with every word chosen', async ({
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

  // On their version Bob reworks the same paragraph and adds one, then wants his earlier words back.
  await bob.editor.replaceInBody('Alice argues differently.', 'Alice argues, and Bob agrees.');
  await bob.editor.typeAtEnd('\nBob adds a closing thought.\n');
  await bob.page.getByRole('button', { name: 'Restore my edits' }).click();

  const dialog = bob.page.getByRole('dialog', { name: 'Resolve edit conflict' });
  await expect(dialog).toContainText('Your earlier edits overlap what you typed since');
  await dialog
    .getByRole('group', { name: 'Conflict 1 of 1' })
    .getByRole('button', { name: 'Use earlier edits' })
    .click();
  await dialog.getByRole('button', { name: 'Use merged version' }).click();
  await expect(dialog).toBeHidden();
  const chosen = `Alice sets a sharper scene.\n\nBob argues his way.\n\n${third}\n\nBob adds a closing thought.\n`;
  await expect(bob.editor.body).toHaveValue(chosen);
  expect((await seededDoc.fetch()).doc.version).toBe(2);

  // He resolved it once: the save goes onto Alice's version without the conflict again.
  await bob.editor.save();
  await bob.editor.expectSaved();
  await expect(dialog).toBeHidden();

  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(chosen);
  expect(doc.version).toBe(3);
  expect(doc.updated_by).toBe('Bob');
});
