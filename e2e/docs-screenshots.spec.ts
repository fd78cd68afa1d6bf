import { expect, paragraphs, test } from './fixtures.ts';

// `npm run screenshots` refreshes the pictures in docs/; the normal test run skips this file.
test.skip(!process.env.SCREENSHOTS, 'only for npm run screenshots');

const [first, second] = paragraphs as [string, string, string];

test('the conflict dialog with one conflict left', async ({ alice, bob, seededDoc }) => {
  await alice.editor.open(seededDoc.id);
  await bob.editor.open(seededDoc.id);
  await alice.editor.replaceInBody(first, 'Alice rewrote the opening, with more context.');
  await alice.editor.replaceInBody(
    second,
    'The second paragraph makes the case, as Alice sees it.',
  );
  await alice.editor.save();
  await alice.editor.expectSaved();

  await bob.editor.replaceInBody(
    second,
    'The second paragraph makes a sharper argument, says Bob.',
  );
  await bob.editor.save();
  await bob.editor.dialog.expectOpen();
  await bob.page.setViewportSize({ width: 1200, height: 900 });
  await bob.page.screenshot({ path: 'docs/conflict-dialog.png' });

  await bob.editor.dialog.useMine(1);
  await bob.editor.dialog.expectConflictsLeft(0);
  await bob.page.screenshot({ path: 'docs/conflict-dialog-resolved.png' });
  await expect(bob.editor.dialog.button('Save merged version')).toBeEnabled();
});
