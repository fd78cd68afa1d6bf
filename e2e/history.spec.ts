import type { DocumentDto, VersionPage } from '../src/protocol/index.ts';
import { expect, test } from './fixtures.ts';

const opening = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
const seedBody = `${opening}\n\nThe second paragraph makes the argument.\n`;
test.use({ seedBody });

async function saveAsBob(
  api: import('@playwright/test').APIRequestContext,
  id: string,
  change: (doc: DocumentDto) => string,
): Promise<DocumentDto> {
  const current = await api.get(`/api/docs/${id}`);
  const doc = (await current.json()) as DocumentDto;
  const saved = await api.put(`/api/docs/${id}`, {
    data: { title: doc.title, body: change(doc) },
    headers: { 'If-Match': current.headers().etag!, 'Concord-User': 'Bob' },
  });
  expect(saved.status()).toBe(200);
  return (await saved.json()) as DocumentDto;
}

async function versionEntriesOf(api: import('@playwright/test').APIRequestContext, id: string) {
  const res = await api.get(`/api/docs/${id}/versions`);
  return ((await res.json()) as VersionPage).items;
}

async function versionsOf(api: import('@playwright/test').APIRequestContext, id: string) {
  return (await versionEntriesOf(api, id)).map((v) => v.version);
}

test('alice opens History, sees Bob’s change word by word, and restores version 1 as a new version', async ({
  alice,
  api,
  seededDoc,
}) => {
  await saveAsBob(api, seededDoc.id, (doc) => doc.body.replace('argument', 'case'));
  const { page, editor } = alice;
  await editor.open(seededDoc.id);
  await page.getByRole('button', { name: 'History', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'History', exact: true })).toBeVisible();
  const versions = page.getByRole('list', { name: 'Versions' });
  const newest = versions
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'Version 2', exact: true }) });
  await expect(newest).toContainText('Bob');
  // How much it changed, in characters, as the server measured it ('argument' → 'case').
  const [measured] = await versionEntriesOf(api, seededDoc.id);
  expect(measured!.change!.added).toBeGreaterThan(0);
  expect(measured!.change!.added - measured!.change!.removed).toBe(
    'case'.length - 'argument'.length,
  );
  await expect(newest).toContainText(
    `${measured!.change!.added} characters added, ${measured!.change!.removed} removed`,
  );
  await expect(versions.getByRole('link', { name: 'Version 1', exact: true })).toBeVisible();

  // The newest version's changes: marked, with words for screen readers; the rest folded.
  const changes = page.getByRole('region', { name: 'Changes in version 2' });
  await expect(changes.locator('ins')).toHaveText('[added: case]');
  await expect(changes.locator('del')).toHaveText('[removed: argument]');
  const fold = changes.getByRole('button', { name: /unchanged words/ });
  await expect(fold).toHaveText('… 33 unchanged words …');
  await expect(changes).not.toContainText('word0 ');
  await fold.click();
  await expect(changes).toContainText('word0 word1');

  // Compared with version 1 by choice, too; then version 1 itself, by keyboard.
  await versions.getByRole('link', { name: 'Version 1', exact: true }).focus();
  await page.keyboard.press('Enter');
  const first = page.getByRole('region', { name: 'Changes in version 1' });
  await expect(first.locator('ins')).toContainText('The second paragraph makes the argument.');
  await first.getByRole('button', { name: 'Restore this version' }).click();
  await expect(first.getByRole('status')).toHaveText(
    'Restored: version 1’s text is now version 3. Open the editor',
  );

  // History only grew: version 3 is version 1's text.
  const { doc } = await seededDoc.fetch();
  expect(doc.version).toBe(3);
  expect(doc.body).toBe(seedBody);
  expect(await versionsOf(api, seededDoc.id)).toEqual([3, 2, 1]);
});

test('restoring a version after someone saved meanwhile overwrites nothing until asked again', async ({
  alice,
  api,
  seededDoc,
}) => {
  await saveAsBob(api, seededDoc.id, (doc) => doc.body.replace('argument', 'case'));
  const { page } = alice;
  await page.goto(`/docs/${seededDoc.id}/history?version=1`);
  const changes = page.getByRole('region', { name: 'Changes in version 1' });
  await expect(changes.getByRole('button', { name: 'Restore this version' })).toBeEnabled();

  // Bob saves version 3 while Alice looks.
  await saveAsBob(api, seededDoc.id, (doc) => `${doc.body}Bob’s newest line.\n`);
  await changes.getByRole('button', { name: 'Restore this version' }).click();
  const alert = changes.getByRole('alert');
  await expect(alert).toContainText(
    'Not restored: Bob saved version 3 meanwhile, and it was not overwritten.',
  );
  await expect(alert.getByRole('link', { name: 'Open the editor' })).toBeVisible();
  expect((await seededDoc.fetch()).doc.body).toContain('Bob’s newest line.');
  expect(await versionsOf(api, seededDoc.id)).toEqual([3, 2, 1]);

  // Asked again, knowing: restored over Bob's version 3, which stays in the history.
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(changes.getByRole('status')).toContainText('is now version 4');
  const { doc } = await seededDoc.fetch();
  expect(doc.version).toBe(4);
  expect(doc.body).toBe(seedBody);
  expect(await versionsOf(api, seededDoc.id)).toEqual([4, 3, 2, 1]);
});
