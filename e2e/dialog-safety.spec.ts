import { expect, paragraphs, test } from './fixtures.ts';
import { aliceSavesFirst } from './steps.ts';

const [first, second, third] = paragraphs as [string, string, string];

test.describe('Keep mine when theirs holds changes mine lacks', () => {
  const agenda = 'Attendees:\n- Ann\n- Ben\n\nWe meet at noon in room 2.\n\nBring your notes.\n';
  test.use({ seedBody: agenda });

  test('asks "Discard their changes?" with what would go, and Go back or Escape lose nothing', async ({
    alice,
    bob,
    seededDoc,
  }) => {
    await aliceSavesFirst({ alice, bob }, seededDoc.id, {
      bob: [['noon', 'one']],
      // Alice moves the meeting too, and adds an attendee elsewhere: that does not overlap Bob's.
      alice: [
        ['noon', 'two'],
        ['- Ben\n', '- Ben\n- Cleo\n'],
      ],
    });
    await bob.editor.save();
    const dialog = bob.editor.dialog;
    await dialog.expectOpen();
    await dialog.expectConflictsLeft(1);

    await dialog.keepMine();
    const ask = dialog.discardDialog;
    await expect(ask).toBeVisible();
    await expect(ask).toContainText('undoes these changes Alice made');
    // Exactly Alice's two changes, each after the line it follows.
    await expect(ask.getByRole('listitem')).toHaveCount(2);
    await expect(ask.getByRole('listitem').nth(0)).toHaveText('After “- Ben”:- Cleo');
    await expect(ask.getByRole('listitem').nth(1)).toContainText('We meet at noontwo in room 2.');
    await expect(ask.getByRole('listitem').nth(1).locator('ins')).toHaveText('two');
    // Focus starts on the choice that loses nothing.
    await expect(ask.getByRole('button', { name: 'Go back' })).toBeFocused();

    await dialog.goBack();
    await expect(ask).toBeHidden();
    await dialog.expectOpen();
    await expect(dialog.button('Keep mine')).toBeFocused();

    await dialog.keepMine();
    await expect(ask).toBeVisible();
    await bob.page.keyboard.press('Escape');
    await expect(ask).toBeHidden();
    await dialog.expectOpen();
    await expect(dialog.button('Keep mine')).toBeFocused();

    // Nothing was saved by asking.
    const before = await seededDoc.fetch();
    expect(before.doc.version).toBe(2);
    expect(before.doc.body).toContain('- Cleo');

    await dialog.keepMine();
    await dialog.discardTheirChanges();
    await dialog.expectClosed();
    await bob.editor.expectSaved();
    const mine = agenda.replace('noon', 'one');
    await expect(bob.editor.body).toHaveValue(mine);

    const { doc } = await seededDoc.fetch();
    expect(doc.body).toBe(mine);
    expect(doc.version).toBe(3);
    expect(doc.updated_by).toBe('Bob');
  });
});

test.describe('a conflict marker left in the merged result', () => {
  // A Markdown heading underline looks like git's separator: it is the writer's text.
  test.use({ seedBody: `Notes\n=======\n\n${paragraphs.join('\n\n')}\n` });

  test('is counted and located, never saved; the heading underline is text', async ({
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
    await dialog.expectConflictsLeft(1);

    // Bob deletes from the separator to the end marker by hand, and keeps "<<<<<<< mine".
    const lines = (await dialog.mergedResult.inputValue()).split('\n');
    const open = lines.findIndex((line) => line.startsWith('<<<<<<<'));
    const separator = lines.findIndex((line, i) => i > open && line.startsWith('======='));
    const end = lines.findIndex((line) => line.startsWith('>>>>>>>'));
    lines.splice(separator, end - separator + 1);
    await dialog.mergedResult.fill(lines.join('\n'));
    expect(open).toBe(5);

    await dialog.expectConflictsLeft(1);
    await expect(dialog.root.getByText('A conflict marker is left on line 6')).toBeVisible();
    await expect(dialog.button('Save merged version')).toBeDisabled();
    await bob.page.keyboard.press('ControlOrMeta+Enter');
    await dialog.expectOpen();

    // Deleting the marker line too resolves it.
    lines.splice(open, 1);
    await dialog.mergedResult.fill(lines.join('\n'));
    await dialog.expectConflictsLeft(0);
    await expect(dialog.root.getByText(/A conflict marker is left/)).toHaveCount(0);
    await dialog.saveMerged();
    await dialog.expectClosed();
    await bob.editor.expectSaved();

    const { doc } = await seededDoc.fetch();
    expect(doc.body).toBe(`Notes\n=======\n\n${first}\n\nBob argues his way.\n\n${third}\n`);
    expect(doc.version).toBe(3);
  });
});

test('another save landing while the dialog is open is said, and the choices are kept', async ({
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
  await dialog.expectConflictsLeft(0);

  // Alice saves again while Bob's dialog is open.
  await alice.editor.replaceInBody(third, 'Alice concludes.');
  await alice.editor.save();
  await alice.editor.expectSaved();

  await dialog.saveMerged();
  // Bob's save met Alice's newer version: the dialog says so, in a live alert.
  const notice = dialog.root.getByRole('alert');
  await expect(notice).toHaveText(
    'Alice saved again (version 3) while you were resolving: changed “The third paragraph draws the conclusion” to “Alice concludes”. Your choices are kept; check the merge again.',
  );
  await expect(dialog.mergedResult).toHaveValue(
    `${first}\n\nBob argues his way.\n\nAlice concludes.\n`,
  );
  await dialog.expectConflictsLeft(0);
  await dialog.saveMerged();
  await dialog.expectClosed();
  await bob.editor.expectSaved();

  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(`${first}\n\nBob argues his way.\n\nAlice concludes.\n`);
  expect(doc.version).toBe(4);
  expect(doc.updated_by).toBe('Bob');
});
