import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/**
 * Makes the next answer about the document's members malformed (no `items`), held until
 * `release` is called: the editor then throws while rendering it, as it would on any bug.
 */
async function breakMembersAnswer(page: Page, id: string) {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const url = `**/api/docs/${encodeURIComponent(id)}/members`;
  await page.route(url, async (route) => {
    await held;
    await route.fulfill({ status: 200, json: { your_role: 'owner' } });
  });
  return { release, mend: () => page.unroute(url) };
}

test('a page that breaks says so, keeps what was typed, and a reload offers it back', async ({
  alice,
  seededDoc,
}) => {
  const broken = await breakMembersAnswer(alice.page, seededDoc.id);
  await alice.editor.open(seededDoc.id);
  await alice.editor.typeAtEnd('\nWritten just before the page broke.');
  await alice.editor.expectUnsaved();
  const typed = await alice.editor.body.inputValue();
  expect(typed).toBe(`${seededDoc.body}\nWritten just before the page broke.`);

  broken.release();
  const alert = alice.page.getByRole('alert').filter({
    has: alice.page.getByRole('heading', { name: 'Something went wrong' }),
  });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Your unsaved edits are kept in this browser');
  await expect(alert.getByRole('link', { name: 'Back to your documents' })).toBeVisible();
  // The header stays: only the page is replaced.
  await expect(alice.page.getByRole('link', { name: 'Concord' })).toBeVisible();

  await broken.mend();
  await alert.getByRole('button', { name: 'Reload' }).click();
  await expect(alice.editor.body).toHaveValue(typed);
  await expect(alice.page.getByText(/Restored your unsaved edits/)).toBeVisible();
  await alice.editor.expectUnsaved();
  // Nothing was saved behind the person's back; their Save saves every word.
  expect((await seededDoc.fetch()).doc.body).toBe(seededDoc.body);
  await alice.editor.save();
  await alice.editor.expectSaved();
  expect((await seededDoc.fetch()).doc.body).toBe(typed);
});

/**
 * Stands in for a bug that a keystroke sets off: once the body holds `marker`, rendering the
 * editor throws (its title field trims the title at every render, and trimming then throws).
 * Nothing before the render sees it: the keystroke's change handler has already run.
 */
async function breakRenderOnTyping(page: Page, marker: string) {
  await page.evaluate((marker) => {
    const trim = String.prototype.trim;
    String.prototype.trim = function (this: string) {
      const box = document.querySelector('textarea');
      if (box?.value.includes(marker)) throw new Error('A render broke on this keystroke');
      return trim.call(this);
    };
  }, marker);
}

test('the keystroke whose render breaks the page is kept too', async ({ alice, seededDoc }) => {
  await alice.editor.open(seededDoc.id);
  await alice.editor.typeAtEnd('\nTyped before it broke');
  await alice.editor.expectUnsaved();
  await breakRenderOnTyping(alice.page, '!');
  await alice.editor.body.press('!');
  const alert = alice.page.getByRole('alert').filter({
    has: alice.page.getByRole('heading', { name: 'Something went wrong' }),
  });
  await expect(alert).toContainText('A render broke on this keystroke');
  await expect(alice.editor.body).toHaveCount(0);

  await alert.getByRole('button', { name: 'Reload' }).click();
  const typed = `${seededDoc.body}\nTyped before it broke!`;
  await expect(alice.editor.body).toHaveValue(typed);
  await expect(alice.page.getByText(/Restored your unsaved edits/)).toBeVisible();
  expect((await seededDoc.fetch()).doc.body).toBe(seededDoc.body);
  await alice.editor.save();
  await alice.editor.expectSaved();
  expect((await seededDoc.fetch()).doc.body).toBe(typed);
});

test.describe('a large document', () => {
  // Past largeBodyChars, drafts are written at most every 300 ms: the break comes before that.
  const seed = `${'A long paragraph of a large document, repeated. '.repeat(5_000)}\n`;
  test.use({ seedBody: seed });

  test('an edit made just before the page breaks is kept', async ({ alice, seededDoc }) => {
    const broken = await breakMembersAnswer(alice.page, seededDoc.id);
    await alice.editor.open(seededDoc.id);
    const typed = `Edited at the start.\n${seed}`;
    await alice.editor.body.fill(typed);
    broken.release();
    await expect(alice.page.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();

    await broken.mend();
    await alice.page.getByRole('button', { name: 'Reload' }).click();
    await expect(alice.editor.body).toHaveValue(typed);
    await alice.editor.expectUnsaved();
  });

  test('the keystroke whose render breaks the page is kept', async ({ alice, seededDoc }) => {
    await alice.editor.open(seededDoc.id);
    await alice.editor.typeAtEnd('Typed last');
    await breakRenderOnTyping(alice.page, '!');
    await alice.editor.body.press('!');
    await expect(alice.page.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();

    await alice.page.getByRole('button', { name: 'Reload' }).click();
    await alice.editor.expectUnsaved();
    // Compared by its end and length: a failure prints a line, not a quarter megabyte.
    const restored = await alice.editor.body.inputValue();
    expect(restored.slice(seed.length - 20)).toBe(`${seed.slice(-20)}Typed last!`);
    expect(restored.length).toBe(seed.length + 'Typed last!'.length);
    expect((await seededDoc.fetch()).doc.body === seed).toBe(true);
  });
});
