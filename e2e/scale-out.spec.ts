import { paragraphs } from './fixtures.ts';
import { expect, postgresInstalled, test } from './postgres-fixtures.ts';

const [first, second, third] = paragraphs as [string, string, string];

test.skip(
  !postgresInstalled && !process.env.CI,
  'PostgreSQL is not installed (on Debian: apt-get install postgresql)',
);

test('two servers on one PostgreSQL: bob on B hears of alice’s save on A, and resolves his stale save', async ({
  alice,
  bob,
  seededDoc,
}) => {
  await alice.editor.open(seededDoc.id);
  await bob.editor.open(seededDoc.id);
  await bob.editor.replaceInBody(second, 'Bob argues his way.');
  await bob.editor.expectUnsaved();

  await alice.editor.replaceInBody(first, 'Alice rewrote the opening.');
  await alice.editor.replaceInBody(second, 'Alice argues differently.');
  await alice.editor.save();
  await alice.editor.expectSaved();

  // Server A committed; server B heard it through LISTEN/NOTIFY and told Bob's page.
  const notice = bob.page.getByRole('region', { name: 'Newer version' });
  await expect(notice).toContainText('Alice saved a newer version');

  // Bob saves anyway, from his stale version: server B refuses, and he resolves the conflict.
  await bob.editor.save();
  const dialog = bob.editor.dialog;
  await dialog.expectOpen();
  await dialog.expectConflictsLeft(1);
  await dialog.useMine(1);
  await dialog.saveMerged();
  await dialog.expectClosed();
  await bob.editor.expectSaved();

  // Server A serves what Bob saved through server B.
  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(`Alice rewrote the opening.\n\nBob argues his way.\n\n${third}\n`);
  expect(doc.version).toBe(3);
  expect(doc.updated_by).toBe('Bob');
});
