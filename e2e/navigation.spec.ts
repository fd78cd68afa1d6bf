import { expect, test } from './fixtures.ts';

test('an address with no page says so and leads back to the documents', async ({
  alice,
  seededDoc,
}) => {
  const { page } = alice;
  // Paths match as written: neither a path below a document nor /NEW is a page.
  for (const path of [`/docs/${seededDoc.id}/nope`, '/NEW']) {
    await page.goto(path);
    await expect(page.getByText('There is no page at this address.')).toBeVisible();
  }
  await page.getByRole('link', { name: 'Go to your documents' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: seededDoc.title, exact: true })).toBeVisible();
});

test('Back and Forward go through the list, a document and its History, the chosen version kept', async ({
  alice,
  seededDoc,
}) => {
  const { page, editor } = alice;
  await page.goto('/');
  await page.getByRole('link', { name: seededDoc.title, exact: true }).click();
  await expect(editor.body).toHaveValue(seededDoc.body);
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  // Choosing a version replaces the History's entry: Back leaves the History at once.
  await page.getByRole('link', { name: 'Version 1', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/docs/${seededDoc.id}/history\\?version=1$`));

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/docs/${seededDoc.id}$`));
  await expect(editor.body).toHaveValue(seededDoc.body);
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Documents' })).toBeVisible();
  await page.goForward();
  await expect(editor.title).toHaveValue(seededDoc.title);
  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`/docs/${seededDoc.id}/history\\?version=1$`));
  await expect(page.getByRole('link', { name: 'Version 1', exact: true })).toHaveAttribute(
    'aria-current',
    'true',
  );
  // The way back to the editor is a link to another page, not to this one.
  await expect(page.getByRole('link', { name: /^← Back to/ })).not.toHaveAttribute('aria-current');
});
