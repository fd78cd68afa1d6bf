import { expect, test } from './fixtures.ts';
import { aliceSavesFirst } from './steps.ts';

const lines = ['Alpha line.', 'Bravo line.', 'one', 'two', 'three', 'four', 'Charlie line.'];

test.describe('with two separate conflicts', () => {
  test.use({ seedBody: `${lines.join('\n')}\n` });

  test('every conflict can be resolved from the keyboard, with undo', async ({
    alice,
    bob,
    seededDoc,
  }) => {
    await aliceSavesFirst({ alice, bob }, seededDoc.id, {
      bob: [
        ['Alpha line.', 'Alpha by Bob.'],
        ['Charlie line.', 'Charlie by Bob.'],
      ],
      alice: [
        ['Alpha line.', 'Alpha by Alice.'],
        ['Charlie line.', 'Charlie by Alice.'],
      ],
    });

    await bob.editor.save();
    const dialog = bob.editor.dialog;
    await dialog.expectOpen();
    await dialog.expectConflictsLeft(2);
    await expect(dialog.root.getByText(/Alt\+↓/)).toBeVisible();

    const keys = bob.page.keyboard;
    // Focus starts on the first conflict; Alt+↓ and Alt+↑ move between conflicts.
    await expect(dialog.conflict(1).getByRole('button', { name: 'Use mine' })).toBeFocused();
    await keys.press('Alt+ArrowDown');
    await expect(dialog.conflict(2).getByRole('button', { name: 'Use mine' })).toBeFocused();
    await keys.press('Alt+ArrowUp');
    await expect(dialog.conflict(1).getByRole('button', { name: 'Use mine' })).toBeFocused();
    await keys.press('t');
    await dialog.expectConflictsLeft(1);
    // Focus moved on to the next conflict by itself.
    await expect(dialog.conflict(2).getByRole('button', { name: 'Use mine' })).toBeFocused();
    await keys.press('Shift+B');
    await dialog.expectConflictsLeft(0);
    await expect(dialog.mergedResult).toHaveValue(
      'Alpha by Alice.\nBravo line.\none\ntwo\nthree\nfour\nCharlie by Alice.\nCharlie by Bob.\n',
    );
    await keys.press('ControlOrMeta+z');
    await dialog.expectConflictsLeft(1);
    await keys.press('Alt+ArrowDown');
    await keys.press('m');
    await dialog.expectConflictsLeft(0);
    await keys.press('ControlOrMeta+Enter');
    await dialog.expectClosed();
    await bob.editor.expectSaved();

    const { doc } = await seededDoc.fetch();
    expect(doc.body).toBe('Alpha by Alice.\nBravo line.\none\ntwo\nthree\nfour\nCharlie by Bob.\n');
  });
});

test.describe('with one paragraph of prose', () => {
  test.use({
    seedBody: 'Concord keeps every edit. It merges by words. It shows what it merged for review.\n',
  });

  test('edits to different sentences of one paragraph merge and are shown for review', async ({
    alice,
    bob,
    seededDoc,
  }) => {
    await aliceSavesFirst({ alice, bob }, seededDoc.id, {
      bob: [['It merges by words.', 'It merges word by word.']],
      alice: [['Concord keeps every edit.', 'Concord never loses an edit.']],
    });

    await bob.editor.save();
    const dialog = bob.editor.dialog;
    await dialog.expectOpen();
    await dialog.expectConflictsLeft(0);
    const review = dialog.review(1);
    // The passage reads as merged, with each side's words marked as changes since the original.
    const merged = await review.locator('pre').evaluate((pre) =>
      [...pre.childNodes]
        .filter((n) => n.nodeName !== 'DEL')
        .map((n) => n.textContent)
        .join(''),
    );
    expect(merged).toBe(
      'Concord never loses an edit. It merges word by word. It shows what it merged for review.\n',
    );
    await expect(review.locator('ins').first()).toHaveText('never loses an');
    await expect(review.locator('del').first()).toHaveText('keeps every');
    await dialog.saveMerged();
    await dialog.expectClosed();

    const { doc } = await seededDoc.fetch();
    expect(doc.body).toBe(
      'Concord never loses an edit. It merges word by word. It shows what it merged for review.\n',
    );
  });
});
