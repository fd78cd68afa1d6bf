import type { DocumentSummary } from '../src/protocol/index.ts';
import { expect, test } from './fixtures.ts';

test('a double click on Create makes one document and opens it', async ({ alice, api }) => {
  const title = `Double click ${Date.now()}`;
  await alice.page.goto('/');
  await alice.page.getByRole('button', { name: 'New document' }).click();
  await alice.page.getByRole('textbox', { name: 'Title' }).fill(title);
  await alice.page.getByRole('button', { name: 'Create' }).dblclick();

  await expect(alice.page).toHaveURL(/\/docs\/[^/]+$/);
  await expect(alice.editor.title).toHaveValue(title);
  await alice.editor.expectSaved();
  await expect(alice.page.getByRole('alert')).toHaveCount(0);

  const items = (await (await api.get('/api/docs?limit=100')).json()).items as DocumentSummary[];
  expect(items.filter((doc) => doc.title === title)).toHaveLength(1);
});

test('a title already used is refused, with a link to the document that has it', async ({
  alice,
  seededDoc,
  api,
}) => {
  await alice.page.goto('/new');
  await alice.page
    .getByRole('textbox', { name: 'Title' })
    .fill(`  ${seededDoc.title.toUpperCase()} `);
  await alice.page.getByRole('button', { name: 'Create' }).click();

  const alert = alice.page.getByRole('alert');
  await expect(alert).toContainText('already exists');
  await alert.getByRole('link', { name: 'Open it' }).click();
  await expect(alice.page).toHaveURL(new RegExp(`/docs/${seededDoc.id}$`));
  await expect(alice.editor.body).toHaveValue(seededDoc.body);

  const items = (await (await api.get('/api/docs?limit=100')).json()).items as DocumentSummary[];
  expect(
    items.filter((doc) => doc.title.toLowerCase() === seededDoc.title.toLowerCase()),
  ).toHaveLength(1);
});

test('a long document list comes a page at a time', async ({ alice, api }) => {
  const prefix = `Paged ${Date.now()}`;
  for (let i = 0; i <= 100; i++) {
    const created = await api.post('/api/docs', { data: { title: `${prefix} #${i}`, body: '' } });
    expect(created.status()).toBe(201);
  }
  await alice.page.goto('/');
  // Newest first: #100 is on the first page, #0 (the 101st newest or older) is not.
  await expect(alice.page.getByRole('link', { name: `${prefix} #100`, exact: true })).toBeVisible();
  await expect(alice.page.getByRole('link', { name: `${prefix} #0`, exact: true })).toBeHidden();
  await alice.page.getByRole('button', { name: 'More documents' }).click();
  await expect(alice.page.getByRole('link', { name: `${prefix} #0`, exact: true })).toBeVisible();
});
