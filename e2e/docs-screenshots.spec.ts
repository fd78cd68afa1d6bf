import { paragraphs, test } from './fixtures.ts';

// `npm run screenshots` refreshes the pictures in docs/; the normal test run skips this file.
test.skip(!process.env.SCREENSHOTS, 'only for npm run screenshots');

const [first, second] = paragraphs as [string, string, string];

test('the conflict dialog: conflicts left, all resolved', async ({ alice, bob, seededDoc }) => {
  await bob.page.setViewportSize({ width: 1200, height: 1000 });
  await alice.editor.open(seededDoc.id);
  await bob.editor.open(seededDoc.id);
  await bob.editor.replaceInBody(
    second,
    'The second paragraph makes a sharper argument, says Bob.',
  );
  await alice.editor.replaceInBody(first, 'The first paragraph sets the scene, with more context.');
  await alice.editor.replaceInBody(
    second,
    'Alice thinks the second paragraph should make the case.',
  );
  await alice.editor.save();
  await alice.editor.expectSaved();

  await bob.editor.save();
  await bob.editor.dialog.expectOpen();
  await bob.editor.dialog.expectConflictsLeft(1);
  await bob.page.screenshot({ path: 'docs/conflict-dialog.png' });

  await bob.editor.dialog.useMine(1);
  await bob.editor.dialog.expectConflictsLeft(0);
  await bob.page.screenshot({ path: 'docs/conflict-dialog-resolved.png' });
});

test.describe('prose', () => {
  test.use({
    seedBody:
      'Concord keeps every edit. It merges by words, not only by lines. It shows what it merged for review.\n\nA second paragraph nobody touched.\n',
  });

  test('the conflict dialog: merged within a line, for review', async ({
    alice,
    bob,
    seededDoc,
  }) => {
    await bob.page.setViewportSize({ width: 1200, height: 800 });
    await alice.editor.open(seededDoc.id);
    await bob.editor.open(seededDoc.id);
    await bob.editor.replaceInBody('It merges by words', 'It merges word by word');
    await alice.editor.replaceInBody('Concord keeps every edit.', 'Concord never loses an edit.');
    await alice.editor.save();
    await alice.editor.expectSaved();
    await bob.editor.save();
    await bob.editor.dialog.expectOpen();
    await bob.editor.dialog.expectConflictsLeft(0);
    await bob.page.screenshot({ path: 'docs/conflict-dialog-review.png' });
  });
});
