import type { APIRequestContext } from '@playwright/test';
import { expect, paragraphs, test } from './fixtures.ts';
import { aliceSavesFirst } from './steps.ts';

const [first, second, third] = paragraphs as [string, string, string];

/** The server's count of conflicts settled `how` (its /metrics, as Prometheus reads it). */
async function countResolutions(api: APIRequestContext, how: string): Promise<number> {
  const metrics = await (await api.get('/metrics')).text();
  const line = metrics
    .split('\n')
    .find((l) => l.startsWith(`concord_conflict_resolutions_total{how="${how}"}`));
  return Number(line?.split(' ').at(-1));
}

test('edits to different paragraphs merge by themselves and both reach the server', async ({
  alice,
  api,
  bob,
  seededDoc,
}) => {
  const autoMerged = await countResolutions(api, 'auto-merged');
  const keptMine = await countResolutions(api, 'kept-mine');
  await aliceSavesFirst({ alice, bob }, seededDoc.id, {
    bob: [[third, 'Bob sharpened the conclusion.']],
    alice: [[first, 'Alice rewrote the opening.']],
  });

  await bob.editor.expectUnsaved();
  await bob.editor.save();

  // Nothing to decide: no dialog; the merge is saved and the notice says whose changes it took in.
  const merged = `Alice rewrote the opening.\n\n${second}\n\nBob sharpened the conclusion.\n`;
  const notice = bob.editor.mergedNotice;
  await expect(notice).toContainText('Saved with Alice’s changes merged in (version 2');
  await expect(bob.editor.dialog.root).toBeHidden();
  await bob.editor.expectSaved();
  await expect(bob.editor.body).toHaveValue(merged);
  await notice.getByRole('button', { name: 'Show the changes' }).click();
  await expect(notice.getByRole('listitem')).toContainText(['Alice rewrote the opening.']);

  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(merged);
  expect(doc.version).toBe(3);
  expect(doc.updated_by).toBe('Bob');
  // The saving browser said how the conflict was settled, and the server counted it.
  expect(await countResolutions(api, 'auto-merged')).toBe(autoMerged + 1);

  // Undo the merge: a guarded save of Bob's own version.
  await notice.getByRole('button', { name: 'Undo the merge' }).click();
  await expect(bob.page.getByText(/Undid the merge: your version is saved/)).toBeVisible();
  await bob.editor.expectSaved();
  const undone = await seededDoc.fetch();
  expect(undone.doc.body).toBe(`${first}\n\n${second}\n\nBob sharpened the conclusion.\n`);
  expect(undone.doc.version).toBe(4);
  expect(await countResolutions(api, 'kept-mine')).toBe(keptMine + 1);
});

test('a merge with places to review (both changed one line) opens the dialog for them', async ({
  alice,
  bob,
  seededDoc,
}) => {
  await aliceSavesFirst({ alice, bob }, seededDoc.id, {
    bob: [['sets the scene', 'sets the whole scene']],
    alice: [['The first paragraph', 'The opening paragraph']],
  });
  await bob.editor.save();
  const dialog = bob.editor.dialog;
  await dialog.expectOpen();
  await dialog.expectConflictsLeft(0);
  await dialog.saveMerged();
  await dialog.expectClosed();
  await bob.editor.expectSaved();
  expect((await seededDoc.fetch()).doc.body).toBe(
    `The opening paragraph sets the whole scene.\n\n${second}\n\n${third}\n`,
  );
});

test('an overlapping edit is one conflict; Use mine keeps my line and their other edits', async ({
  alice,
  bob,
  seededDoc,
}) => {
  await aliceSavesFirst({ alice, bob }, seededDoc.id, {
    bob: [[second, 'Bob argues his way.']],
    alice: [
      [first, 'Alice rewrote the opening.'],
      [second, 'Alice argues differently.'],
    ],
  });

  await bob.editor.save();

  const dialog = bob.editor.dialog;
  await dialog.expectOpen();
  await dialog.expectConflictsLeft(1);
  await expect(dialog.conflict(1)).toContainText('Bob argues his way.');
  await expect(dialog.conflict(1)).toContainText('Alice argues differently.');
  await expect(dialog.button('Save merged version')).toBeDisabled();

  await dialog.useMine(1);
  await dialog.expectConflictsLeft(0);
  await dialog.saveMerged();
  await dialog.expectClosed();
  await bob.editor.expectSaved();

  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(`Alice rewrote the opening.\n\nBob argues his way.\n\n${third}\n`);
});

test('Keep mine saves my whole version at once when theirs holds nothing mine lacks', async ({
  alice,
  bob,
  seededDoc,
}) => {
  // Alice's addition is part of Bob's: keeping Bob's version undoes nothing of hers.
  await aliceSavesFirst({ alice, bob }, seededDoc.id, {
    bob: [[second, 'The second paragraph makes the argument well, Bob says.']],
    alice: [[second, 'The second paragraph makes the argument well.']],
  });

  await bob.editor.save();
  await bob.editor.dialog.expectOpen();
  await bob.editor.dialog.keepMine();
  await expect(bob.editor.dialog.discardDialog).toHaveCount(0);
  await bob.editor.dialog.expectClosed();
  await bob.editor.expectSaved();
  await expect(
    bob.page.getByText('Your version is saved. Alice’s version stays in the history (version 2).'),
  ).toBeVisible();

  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(
    `${first}\n\nThe second paragraph makes the argument well, Bob says.\n\n${third}\n`,
  );
  expect(doc.version).toBe(3);
});

test('Take theirs drops my edits from the editor but keeps them recoverable', async ({
  alice,
  bob,
  seededDoc,
}) => {
  await aliceSavesFirst({ alice, bob }, seededDoc.id, {
    bob: [[second, 'Bob argues his way.']],
    alice: [[second, 'Alice argues differently.']],
  });

  await bob.editor.save();
  await bob.editor.dialog.expectOpen();
  await bob.editor.dialog.takeTheirs();
  await bob.editor.dialog.expectClosed();

  const aliceVersion = `${first}\n\nAlice argues differently.\n\n${third}\n`;
  await expect(bob.editor.body).toHaveValue(aliceVersion);
  await bob.editor.expectSaved();

  // Nothing was written: the server still has Alice's version.
  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(aliceVersion);
  expect(doc.version).toBe(2);

  // And Bob's words are one click away until his next save.
  await bob.page.getByRole('button', { name: 'Restore my edits' }).click();
  await expect(bob.editor.body).toHaveValue(`${first}\n\nBob argues his way.\n\n${third}\n`);
  await bob.editor.expectUnsaved();
});

test('a save that lands while the dialog is open is merged in, keeping the choices made', async ({
  alice,
  bob,
  api,
  seededDoc,
}) => {
  await aliceSavesFirst({ alice, bob }, seededDoc.id, {
    bob: [[second, 'Bob argues his way.']],
    alice: [
      [first, 'Alice rewrote the opening.'],
      [second, 'Alice argues differently.'],
    ],
  });

  await bob.editor.save();
  const dialog = bob.editor.dialog;
  await dialog.expectOpen();
  await dialog.useMine(1);
  await dialog.expectConflictsLeft(0);

  // Carol saves through the API while Bob's dialog is open.
  const current = await seededDoc.fetch();
  const carol = await api.put(`/api/docs/${seededDoc.id}`, {
    headers: { 'If-Match': current.etag, 'Concord-User': 'Carol' },
    data: { title: current.doc.title, body: current.doc.body.replace(third, 'Carol concludes.') },
  });
  expect(carol.status()).toBe(200);

  await dialog.saveMerged();
  // The resolution met a new 409: the dialog now merges onto Carol's version.
  await expect(dialog.mergedResult).toHaveValue(
    `Alice rewrote the opening.\n\nBob argues his way.\n\nCarol concludes.\n`,
  );
  await dialog.expectConflictsLeft(0);
  await dialog.saveMerged();
  await dialog.expectClosed();
  await bob.editor.expectSaved();

  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(`Alice rewrote the opening.\n\nBob argues his way.\n\nCarol concludes.\n`);
  expect(doc.version).toBe(4);
  expect(doc.updated_by).toBe('Bob');
});
