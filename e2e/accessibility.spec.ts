import { expect, paragraphs, test } from './fixtures.ts';
import { seriousViolations } from './serious-violations.ts';
import { aliceSavesFirst } from './steps.ts';

const [first, second] = paragraphs as [string, string, string];

test('the dialog has no serious accessibility violation in any state', async ({
  alice,
  bob,
  seededDoc,
}) => {
  // Eight full axe runs over every state, light and dark: more than the default 30 s on 2 cores.
  test.slow();
  await aliceSavesFirst({ alice, bob }, seededDoc.id, {
    bob: [
      { title: `${seededDoc.title} by Bob` },
      [second, 'Bob argues his way.'],
      [first, 'The first paragraph sets the scene, says Bob.'],
    ],
    alice: [
      { title: `${seededDoc.title} by Alice` },
      [second, 'Alice argues differently.'],
      [first, 'Alice: the first paragraph sets the scene.'],
    ],
  });

  await bob.editor.save();
  const dialog = bob.editor.dialog;
  await dialog.expectOpen();
  await dialog.expectConflictsLeft(2);
  const where = '.concord-dialog';
  expect(await seriousViolations(bob.page, where), 'conflicts left').toEqual([]);
  await bob.page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(bob.page, where), 'conflicts left, dark').toEqual([]);
  await bob.page.emulateMedia({ colorScheme: 'light' });

  await dialog.root
    .getByRole('group', { name: 'Title conflict' })
    .getByRole('button', { name: 'Use my title' })
    .click();
  await dialog.useTheirs(1);
  await dialog.expectConflictsLeft(0);
  expect(await seriousViolations(bob.page, where), 'all resolved').toEqual([]);

  // The editor page behind it, too.
  await dialog.saveMerged();
  await dialog.expectClosed();
  expect(await seriousViolations(bob.page, 'body'), 'editor').toEqual([]);
  await bob.page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(bob.page, 'body'), 'editor, dark').toEqual([]);
});

test('the editor’s offer of a closed tab’s edits and its offline status have no serious violation', async ({
  tabs: [tabA, tabB],
  seededDoc,
}) => {
  await tabA.open(seededDoc.id);
  await tabA.typeAtEnd('Left in a closed tab.');
  await tabA.expectUnsaved();
  await tabA.page.close();

  await tabB.open(seededDoc.id);
  const offer = await tabB.closedTabOffer();
  await expect(offer).toBeVisible();
  expect(await seriousViolations(tabB.page, 'body'), 'closed-tab offer').toEqual([]);

  await offer.getByRole('button', { name: 'Restore them' }).click();
  await tabB.page.context().setOffline(true);
  await tabB.save();
  await tabB.expectSaveWaitingForConnection();
  expect(await seriousViolations(tabB.page, 'body'), 'offline').toEqual([]);
  await tabB.page.context().setOffline(false);
  await tabB.expectSaved();
  expect((await seededDoc.fetch()).doc.body).toBe(`${seededDoc.body}Left in a closed tab.`);
});
