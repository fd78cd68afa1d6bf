import type { DocumentDto } from '../src/protocol/index.ts';
import { expect, test } from './fixtures.ts';

const title = `<img src=x onerror="window.__pwned='title'"> notes`;
const body = `<script>window.__pwned='body'</script>\n<img src=x onerror="window.__pwned='img'">\n`;

test('markup in a title and body is shown as text and runs nothing', async ({
  alice,
  bob,
  api,
}) => {
  const created = await api.post('/api/docs', { data: { title, body } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as DocumentDto;

  await alice.page.goto('/');
  await expect(alice.page.getByRole('link', { name: title })).toBeVisible();
  await alice.page.getByRole('link', { name: title }).click();
  await expect(alice.editor.title).toHaveValue(title);
  await expect(alice.editor.body).toHaveValue(body);

  // The same markup inside a conflict dialog is text too.
  await bob.editor.open(id);
  // Bob is already editing when Alice saves.
  await bob.editor.replaceInBody('<script>', '<script data-b>');
  await alice.editor.replaceInBody('<script>', '<script data-a>');
  await alice.editor.save();
  await alice.editor.expectSaved();
  await bob.editor.save();
  await bob.editor.dialog.expectOpen();
  await expect(bob.editor.dialog.conflict(1)).toContainText('<script data-b>');

  for (const page of [alice.page, bob.page]) {
    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
  }
  const stored = (await (await api.get(`/api/docs/${id}`)).json()) as DocumentDto;
  expect(stored.title).toBe(title);
  expect(stored.body).toBe(body.replace('<script>', '<script data-a>'));
});
