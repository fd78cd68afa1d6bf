import type { Page } from '@playwright/test';
import { expect, paragraphs, test } from './fixtures.ts';
import { aliceSavesFirst } from './steps.ts';

const [first, second, third] = paragraphs as [string, string, string];

/**
 * Stands in for a bug that a keystroke in the conflict dialog's merged result sets off: once the
 * result holds `marker`, the dialog's own render throws (it scans the result for leftover conflict
 * markers at every render, and that scan then throws). So the dialog never gets to report its
 * progress: only the keystroke's change handler has run.
 */
async function breakDialogRenderOnTyping(page: Page, marker: string) {
  await page.evaluate((marker) => {
    const indexOf = String.prototype.indexOf;
    String.prototype.indexOf = function (this: string, search: string, from?: number) {
      if (search === '<<<<<<<' && this.includes(marker))
        throw new Error('A render broke on this keystroke');
      return indexOf.call(this, search, from);
    };
  }, marker);
}

test('the keystroke in the dialog’s merged result whose render breaks the page is kept', async ({
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
  // Bob finishes the merge by hand in the result, and the last keystroke breaks the page.
  await dialog.mergedResult.focus();
  await dialog.mergedResult.press('ControlOrMeta+End');
  await dialog.mergedResult.pressSequentially('Bob closes on a note of his own');
  await breakDialogRenderOnTyping(bob.page, '!');
  await dialog.mergedResult.press('!');
  const alert = bob.page.getByRole('alert').filter({
    has: bob.page.getByRole('heading', { name: 'Something went wrong' }),
  });
  await expect(alert).toContainText('A render broke on this keystroke');
  await expect(dialog.mergedResult).toHaveCount(0);

  // The reload reopens the dialog where he was: his choice and every character he typed.
  await alert.getByRole('button', { name: 'Reload' }).click();
  await dialog.expectOpen();
  const typed = `${first}\n\nBob argues his way.\n\n${third}\nBob closes on a note of his own!`;
  await expect(dialog.mergedResult).toHaveValue(typed);
  await dialog.expectConflictsLeft(0);
  // Nothing was saved behind his back; saving the merge saves every word.
  expect((await seededDoc.fetch()).doc.version).toBe(2);
  await dialog.saveMerged();
  await dialog.expectClosed();
  await bob.editor.expectSaved();
  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(typed);
  expect(doc.version).toBe(3);
});
