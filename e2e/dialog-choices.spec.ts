import { expect, paragraphs, test } from './fixtures.ts';
import { aliceSavesFirst } from './steps.ts';

const [first, second, third] = paragraphs as [string, string, string];

/** Twelve points, four quiet lines apart so each edit is a conflict of its own. */
function points(by: (n: number) => string): string {
  return Array.from({ length: 12 }, (_, i) => `Point ${i + 1}${by(i + 1)}.\nA\nB\nC\nD\n`).join('');
}
const seedPoints = points(() => '');

test.describe('with twelve conflicts', () => {
  test.use({ seedBody: seedPoints });

  test('any choice can be changed at any time, the chosen one pressed, others kept', async ({
    alice,
    bob,
    seededDoc,
  }) => {
    await aliceSavesFirst({ alice, bob }, seededDoc.id, {
      bob: [[seedPoints, points(() => ' by Bob')]],
      alice: [[seedPoints, points(() => ' by Alice')]],
    });
    await bob.editor.save();
    const dialog = bob.editor.dialog;
    await dialog.expectOpen();
    await dialog.expectConflictsLeft(12);

    for (let n = 4; n <= 12; n++) await dialog.useMine(n);
    await dialog.expectConflictsLeft(3);
    // Conflict 3, after 4–12: its buttons are all there, and choosing leaves 4–12 as they were.
    await dialog.useTheirs(3);
    await dialog.expectChosen(3, 'Use theirs');
    // Seen, not only announced: the pressed choice looks unlike the others.
    const looks = (name: string) =>
      dialog
        .conflict(3)
        .getByRole('button', { name, exact: true })
        .evaluate((b) => `${getComputedStyle(b).fontWeight} ${getComputedStyle(b).borderColor}`);
    expect(await looks('Use theirs')).not.toBe(await looks('Use mine'));
    await dialog.useBoth(3);
    await dialog.expectChosen(3, 'Use both');
    await expect(dialog.conflict(3)).toContainText('Resolved: both, yours first');
    for (let n = 4; n <= 12; n++) await dialog.expectChosen(n, 'Use mine');
    await dialog.expectConflictsLeft(2);

    // A settled conflict edited by hand is "edited", and can still take a choice.
    const text = await dialog.mergedResult.inputValue();
    await dialog.mergedResult.fill(text.replace('Point 5 by Bob.', 'Point 5 by Bob, reworded.'));
    await expect(dialog.conflict(5)).toContainText('Edited by hand');
    await dialog.expectChosen(5, null);
    await dialog.useTheirs(5);
    await dialog.expectChosen(5, 'Use theirs');

    await dialog.useTheirs(1);
    await dialog.useMine(2);
    await dialog.useMine(1);
    await dialog.expectChosen(1, 'Use mine');
    await dialog.expectConflictsLeft(0);
    await dialog.saveMerged();
    await dialog.expectClosed();
    await bob.editor.expectSaved();

    const expected = points((n) =>
      n === 3 ? ' by Bob.\nPoint 3 by Alice' : n === 5 ? ' by Alice' : ' by Bob',
    );
    await expect(bob.editor.body).toHaveValue(expected);
    const { doc } = await seededDoc.fetch();
    expect(doc.body).toBe(expected);
  });
});

test.describe('with three conflicts', () => {
  const seed = points(() => '');
  test.use({ seedBody: seed });

  test('Next conflict and Previous conflict go on from the conflict last focused', async ({
    alice,
    bob,
    seededDoc,
  }) => {
    await aliceSavesFirst({ alice, bob }, seededDoc.id, {
      bob: [[seed, points((n) => (n <= 3 ? ' by Bob' : ''))]],
      alice: [[seed, points((n) => (n <= 3 ? ' by Alice' : ''))]],
    });
    await bob.editor.save();
    const dialog = bob.editor.dialog;
    await dialog.expectOpen();
    const useMine = (n: number) => dialog.choiceButton(n, 'Use mine');
    await expect(useMine(1)).toBeFocused();

    await dialog.nextConflict();
    await expect(useMine(2)).toBeFocused();
    await dialog.nextConflict();
    await expect(useMine(3)).toBeFocused();
    await dialog.nextConflict(); // round to the first again
    await expect(useMine(1)).toBeFocused();
    await dialog.previousConflict();
    await expect(useMine(3)).toBeFocused();
    await dialog.previousConflict();
    await expect(useMine(2)).toBeFocused();

    // The conflict acted on last counts too: after a choice on 2, focus is on 3 and Previous
    // goes back to 1 (2 is settled); the keys still work.
    await dialog.useTheirs(2);
    await expect(useMine(3)).toBeFocused();
    await dialog.previousConflict();
    await expect(useMine(1)).toBeFocused();
    await bob.page.keyboard.press('Alt+ArrowDown');
    await expect(useMine(3)).toBeFocused();
    await bob.page.keyboard.press('m');
    await dialog.useMine(1);
    await dialog.expectConflictsLeft(0);
    await dialog.saveMerged();
    await dialog.expectClosed();

    const expected = points((n) => (n === 2 ? ' by Alice' : n <= 3 ? ' by Bob' : ''));
    const { doc } = await seededDoc.fetch();
    expect(doc.body).toBe(expected);
  });
});

test('a title pre-filled with mine counts as a conflict until chosen, and M and T choose it', async ({
  alice,
  bob,
  seededDoc,
}) => {
  await aliceSavesFirst({ alice, bob }, seededDoc.id, {
    bob: [{ title: `${seededDoc.title} (Bob)` }, [second, 'Bob argues his way.']],
    alice: [{ title: `${seededDoc.title} (Alice)` }, [second, 'Alice argues differently.']],
  });
  await bob.editor.save();
  const dialog = bob.editor.dialog;
  await dialog.expectOpen();

  // Two left, and the dialog says one of them is the title beside "Conflict 1 of 1".
  await expect(dialog.root.getByText('2 conflicts left, including the title')).toBeVisible();
  await expect(dialog.root.getByRole('group', { name: 'Conflict 1 of 1' })).toBeVisible();
  await expect(dialog.titleConflict).toContainText('not chosen yet (the box shows your title)');
  const box = dialog.titleConflict.getByRole('textbox', { name: 'Merged title' });
  await expect(box).toHaveValue(`${seededDoc.title} (Bob)`);
  await dialog.expectChosen(0, null);

  await dialog.choiceButton(0, 'Use my title').focus();
  await bob.page.keyboard.press('m');
  await dialog.expectConflictsLeft(1);
  await expect(dialog.root.getByText('1 conflict left', { exact: true })).toBeVisible();
  await expect(dialog.root.getByText(/including the title/)).toHaveCount(0);
  await dialog.expectChosen(0, 'Use my title');
  await expect(dialog.titleConflict).not.toContainText('not chosen yet');
  // Focus went on to the body's conflict; back on the title, T changes the choice.
  await expect(dialog.choiceButton(1, 'Use mine')).toBeFocused();
  await dialog.choiceButton(0, 'Use their title').focus();
  await bob.page.keyboard.press('t');
  await dialog.expectChosen(0, 'Use their title');
  await expect(box).toHaveValue(`${seededDoc.title} (Alice)`);

  await dialog.useMine(1);
  await dialog.expectConflictsLeft(0);
  await dialog.saveMerged();
  await dialog.expectClosed();
  await expect(bob.editor.title).toHaveValue(`${seededDoc.title} (Alice)`);

  const { doc } = await seededDoc.fetch();
  expect(doc.title).toBe(`${seededDoc.title} (Alice)`);
  expect(doc.body).toBe(`${first}\n\nBob argues his way.\n\n${third}\n`);
});

test('a change of only white space is shown, and Resolve simple ones settles it', async ({
  alice,
  bob,
  seededDoc,
}) => {
  await aliceSavesFirst({ alice, bob }, seededDoc.id, {
    // Bob only put a second space after "makes"; Alice changed the words there.
    bob: [[second, 'The second paragraph makes  the argument.']],
    alice: [[second, 'The second paragraph makes an argument.']],
  });
  await bob.editor.save();
  const dialog = bob.editor.dialog;
  await dialog.expectOpen();
  await dialog.expectConflictsLeft(1);

  // Bob's side marks the spaces it changed: one struck out, two put in.
  const conflict = dialog.conflict(1);
  await expect(conflict.getByRole('deletion').filter({ hasText: /^·$/ })).toBeVisible();
  await expect(conflict.getByRole('insertion').filter({ hasText: /^··$/ })).toBeVisible();

  await dialog.resolveSimple();
  await dialog.expectConflictsLeft(0);
  await dialog.expectChosen(1, 'Use theirs');
  await dialog.saveMerged();
  await dialog.expectClosed();

  const expected = `${first}\n\nThe second paragraph makes an argument.\n\n${third}\n`;
  await expect(bob.editor.body).toHaveValue(expected);
  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(expected);
});
