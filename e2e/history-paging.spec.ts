import type { APIRequestContext } from '@playwright/test';
import type { VersionPage } from '../src/protocol/index.ts';
import { expect, test } from './fixtures.ts';

// A document with 45 versions: the history shows the newest 20, then older ones a page at a
// time, each row saying who saved it and how much it changed; a URL selects and compares.

/** Saves `count` more versions as Bob, version n + 1 appending ` edit n`; the last ETag. */
async function saveVersions(api: APIRequestContext, id: string, count: number) {
  let current = await api.get(`/api/docs/${id}`);
  const { title, body: first } = (await current.json()) as { title: string; body: string };
  let body = first;
  let etag = current.headers().etag!;
  for (let n = 1; n <= count; n++) {
    body = `${body} edit${n}`;
    current = await api.put(`/api/docs/${id}`, {
      data: { title, body },
      headers: { 'If-Match': etag, 'Concord-User': n % 2 ? 'Bob' : 'Carol' },
    });
    expect(current.status()).toBe(200);
    etag = current.headers().etag!;
  }
}

async function allVersions(api: APIRequestContext, id: string) {
  const res = await api.get(`/api/docs/${id}/versions?limit=1000`);
  return ((await res.json()) as VersionPage).items;
}

test.use({ seedBody: 'The opening line.' });

test('alice pages back through 45 versions, focus following, and opens one by its URL', async ({
  alice,
  api,
  seededDoc,
}) => {
  await saveVersions(api, seededDoc.id, 44);
  const { page } = alice;
  await page.goto(`/docs/${seededDoc.id}/history`);

  const versions = page.getByRole('list', { name: 'Versions' });
  const links = versions.getByRole('link', { name: /^Version \d+$/ });
  await expect(links).toHaveCount(20);
  await expect(links.first()).toHaveText('Version 45');
  await expect(links.last()).toHaveText('Version 26');
  // Each row: who, and how much changed (" edit44" is 7 characters added).
  const row = (n: number) =>
    versions
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: `Version ${n}`, exact: true }) });
  await expect(row(45)).toContainText('Carol');
  await expect(row(45)).toContainText('7 characters added');
  await expect(row(44)).toContainText('Bob');
  await expect(row(44)).toContainText('7 characters added');
  await expect(page.getByRole('region', { name: 'Changes in version 45' })).toContainText('edit44');

  const older = page.getByRole('button', { name: 'Show older versions' });
  await older.click();
  await expect(links).toHaveCount(40);
  await expect(page.getByRole('link', { name: 'Version 25', exact: true })).toBeFocused();
  await older.click();
  await expect(links).toHaveCount(45);
  await expect(page.getByRole('link', { name: 'Version 5', exact: true })).toBeFocused();
  await expect(older).toBeHidden();
  await expect(row(1)).toContainText('the first version');
  await expect(row(2)).toContainText('6 characters added');

  // Version 10 from the keyboard; then by its URL, compared with version 3.
  await page.keyboard.press('Tab'); // focus is on Version 5; Tab reaches Version 4
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Changes in version 4' })).toContainText('edit3');
  await expect(page).toHaveURL(/\?version=4$/);

  await page.goto(`/docs/${seededDoc.id}/history?version=10&compare=3`);
  const compared = page.getByRole('region', { name: 'Changes from version 3 to version 10' });
  await expect(compared.locator('ins')).toHaveText(
    `[added: ${Array.from({ length: 7 }, (_, i) => ` edit${i + 3}`).join('')}]`,
  );
  await expect(compared.getByRole('combobox', { name: 'Compare with' })).toHaveValue('3');

  // The server holds all 45, newest first, and the History read changed none of them.
  const kept = await allVersions(api, seededDoc.id);
  expect(kept.map((v) => v.version)).toEqual(Array.from({ length: 45 }, (_, i) => 45 - i));
  expect(kept[0]).toMatchObject({ updated_by: 'Carol', change: { added: 7, removed: 0 } });
  expect(kept.at(-1)!.change).toBeNull();
  expect((await seededDoc.fetch()).doc.version).toBe(45);
});
