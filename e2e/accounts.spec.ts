import { startConcord } from './concord-process.ts';
import { expect, passwordOf, test } from './accounts-fixtures.ts';
import { paragraphs } from './fixtures.ts';
import { aliceSavesFirst } from './steps.ts';

const [first, , third] = paragraphs as [string, string, string];

test('the first start asks for the first account, which is then signed in and can sign out', async ({
  browser,
  playwright,
}) => {
  // A server of its own: the worker's already has accounts.
  const server = await startConcord({ CONCORD_AUTH: 'accounts' });
  const context = await browser.newContext({ baseURL: server.url });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Create the first account' })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.getByRole('textbox', { name: 'Username' }).fill('Dana');
    await page.getByLabel('Password').fill(passwordOf('Dana'));
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(page.getByRole('button', { name: 'New document' })).toBeVisible();
    const header = page.getByRole('banner');
    await expect(header).toContainText('Dana');
    // The server holds the account, and the browser's cookie is its session.
    const who = await context.request.get('/api/session');
    expect(await who.json()).toMatchObject({ username: 'Dana', role: 'admin', auth: 'accounts' });

    await header.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    expect((await context.request.get('/api/docs')).status()).toBe(401);
    // Signing in again needs the password; the first-account form is gone for good.
    await page.getByRole('textbox', { name: 'Username' }).fill('Dana');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('not right');
    await page.getByLabel('Password').fill(passwordOf('Dana'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: 'New document' })).toBeVisible();
    const stranger = await playwright.request.newContext({ baseURL: server.url });
    const second = await stranger.post('/api/users', {
      data: { username: 'Eve', password: passwordOf('Eve') },
    });
    expect(second.status()).toBe(401);
    await stranger.dispose();
  } finally {
    await context.close();
    await server.dispose();
  }
});

test('signed-in Alice and Bob edit one document; saves carry their accounts and conflict as before', async ({
  alice,
  bob,
  api,
  seededDoc,
}) => {
  // The document is Alice's (the fixtures' `api` created it): she shares it with Bob first.
  const shared = await api.put(`/api/docs/${seededDoc.id}/members/Bob`, {
    data: { role: 'editor' },
  });
  expect(shared.status()).toBe(201);
  await aliceSavesFirst({ alice, bob }, seededDoc.id, {
    bob: [[third, 'Bob sharpened the conclusion.']],
    alice: [[first, 'Alice rewrote the opening.']],
  });
  await expect(alice.page.getByRole('banner')).toContainText('Alice');
  await expect(bob.page.getByRole('banner')).toContainText('Bob');
  await bob.editor.save();
  await expect(bob.editor.mergedNotice).toContainText('Saved with Alice’s changes merged in');
  await bob.editor.expectSaved();

  const { doc } = await seededDoc.fetch();
  expect(doc.updated_by).toBe('Bob');
  expect(doc.body).toContain('Alice rewrote the opening.');
  expect(doc.body).toContain('Bob sharpened the conclusion.');
});

test('a session that ends mid-edit keeps the words: sign in again, back in the editor, save', async ({
  alice,
  seededDoc,
}) => {
  // A session of this browser's own, so that ending it leaves the worker's other sessions be.
  const own = await alice.page.request.post('/api/session', {
    data: { username: 'Alice', password: passwordOf('Alice') },
  });
  expect(own.status()).toBe(204);
  await alice.editor.open(seededDoc.id);
  await alice.editor.typeAtEnd('Words typed before the session ended.');
  // The session ends while she types (its days ran out, or she signed out on another device):
  // the server forgets it, the browser still sends its cookie.
  const cookie = (await alice.page.context().cookies()).find((c) => c.name === 'concord_session')!;
  const ended = await alice.page.request.delete('/api/session');
  expect(ended.status()).toBe(204);
  await alice.page.context().addCookies([cookie]);
  expect((await alice.page.request.get('/api/docs')).status()).toBe(401);
  await alice.editor.save();

  const page = alice.page;
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Username' }).fill('Alice');
  await page.getByLabel('Password').fill(passwordOf('Alice'));
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(new RegExp(`/docs/${seededDoc.id}$`));
  await expect(alice.editor.body).toHaveValue(/Words typed before the session ended\.$/);
  await alice.editor.save();
  await alice.editor.expectSaved();
  const { doc } = await seededDoc.fetch();
  expect(doc.body).toBe(`${seededDoc.body}Words typed before the session ended.`);
  expect(doc.updated_by).toBe('Alice');
});
