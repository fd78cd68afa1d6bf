import type { Page } from '@playwright/test';
import {
  ConflictDialogPage,
  expect,
  saveNewerVersion,
  test as withPeople,
} from '@concord/playwright';
import { germanLabels } from './german-labels.ts';
import { startExampleServer, type ExampleServer } from './server.ts';

// The example app embeds Concord's dialog against its own server, which answers a stale If-Match
// with a bare 412. Built by `npm run build:embed`; `npm run test:e2e` builds it first. Its stories
// use the kit an embedder's tests would: `alice` and `bob` in their own contexts, the dialog's
// page object, and saveNewerVersion.

const lines = (...texts: string[]) => texts.map((t) => `${t}\n`).join('');
const original = lines('One.', 'Two.', 'Three.', 'Four.', 'Five.', 'Six.', 'Seven.', 'Eight.');

const test = withPeople.extend<{ server: ExampleServer }>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startExampleServer({ text: original });
    await use(server);
    await server.close();
  },
  baseURL: async ({ server }, use) => use(server.url),
});

async function save(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Note' }).fill(text);
  await page.getByRole('button', { name: 'Save' }).click();
}

test('a conflict against a 412-without-body server is merged in the embedded dialog, twice', async ({
  server,
  alice,
  bob,
}) => {
  await alice.goto('/');
  await bob.goto('/');
  await expect(bob.getByRole('textbox', { name: 'Note' })).toHaveValue(original);

  // Alice saves first: line 1 and line 4.
  const byAlice = lines(
    'One, Alice.',
    'Two.',
    'Three.',
    'Four, Alice.',
    'Five.',
    'Six.',
    'Seven.',
    'Eight.',
  );
  await save(alice, byAlice);
  await expect(alice.getByRole('status')).toHaveText('Saved');

  // Bob changed line 4 too, and line 7: his save meets a bare 412, and the hook rereads theirs.
  await save(
    bob,
    lines('One.', 'Two.', 'Three.', 'Four, Bob.', 'Five.', 'Six.', 'Seven, Bob.', 'Eight.'),
  );
  const dialog = new ConflictDialogPage(bob);
  await dialog.expectOpen();
  await dialog.expectConflictsLeft(1);
  await dialog.useMine(1);
  await dialog.expectConflictsLeft(0);

  // Before Bob saves his resolution, Alice saves again (line 2).
  await save(
    alice,
    lines(
      'One, Alice.',
      'Two, Alice.',
      'Three.',
      'Four, Alice.',
      'Five.',
      'Six.',
      'Seven.',
      'Eight.',
    ),
  );
  await expect(alice.getByRole('status')).toHaveText('Saved');

  // Bob's resolution meets another 412: the dialog merges it onto the newer version, keeping his
  // choice, and nothing is left to decide.
  await dialog.saveMerged();
  const final = lines(
    'One, Alice.',
    'Two, Alice.',
    'Three.',
    'Four, Bob.',
    'Five.',
    'Six.',
    'Seven, Bob.',
    'Eight.',
  );
  await expect(dialog.mergedResult).toHaveValue(final);
  await dialog.expectConflictsLeft(0);
  await dialog.saveMerged();

  await dialog.expectClosed();
  await expect(bob.getByRole('status')).toHaveText('Saved');
  await expect(bob.getByRole('textbox', { name: 'Note' })).toHaveValue(final);
  expect(server.text()).toBe(final);
});

/** Bob's save meets Alice's on line 4: the dialog opens with one conflict. */
async function openConflict(alice: Page, bob: Page, bobPath = '/'): Promise<ConflictDialogPage> {
  await alice.goto('/');
  await bob.goto(bobPath);
  await expect(bob.getByRole('textbox', { name: 'Note' })).toHaveValue(original);
  await save(alice, original.replace('Four.', 'Four, Alice.'));
  await expect(alice.getByRole('status')).toHaveText('Saved');
  await save(bob, original.replace('Four.', 'Four, Bob.'));
  const dialog = new ConflictDialogPage(bob);
  await dialog.expectOpen();
  await dialog.expectConflictsLeft(1);
  return dialog;
}

test('Take theirs keeps their version: the host hears how (onSaved), and the next save is guarded by theirs', async ({
  server,
  alice,
  bob,
}) => {
  const dialog = await openConflict(alice, bob);
  await dialog.takeTheirs();
  await dialog.expectClosed();
  const byAlice = original.replace('Four.', 'Four, Alice.');
  await expect(bob.getByRole('status')).toHaveText('Their version kept');
  await expect(bob.getByRole('textbox', { name: 'Note' })).toHaveValue(byAlice);
  expect(server.text()).toBe(byAlice);

  // Bob edits on from theirs: his save carries theirs' ETag and lands without a conflict.
  await save(bob, byAlice.replace('Eight.', 'Eight, Bob.'));
  await expect(bob.getByRole('status')).toHaveText('Saved');
  await dialog.expectClosed();
  expect(server.text()).toBe(byAlice.replace('Eight.', 'Eight, Bob.'));
});

/**
 * Every computed style of every element of the open dialog (and its backdrop) that differs with
 * the host's sheet on and off, read in the page's current state (hover, focus). Lightning CSS
 * lowers the host's `color-scheme: light dark` to custom properties of its own on :root.
 */
async function findLeaks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('dialog[open]')!;
    const elements = [root, ...root.querySelectorAll('*')];
    const read = () =>
      elements.map((el) => {
        const style = getComputedStyle(el);
        const backdrop = el === root ? getComputedStyle(el, '::backdrop').background : '';
        return Object.fromEntries([
          ...[...style]
            // Custom properties inherit through all: initial, but only Concord's own are read.
            .filter((name) => !name.startsWith('--') || name.startsWith('--concord-'))
            .map((name) => [name, style.getPropertyValue(name)]),
          ['::backdrop', backdrop],
        ]) as Record<string, string>;
      });
    const host = document.getElementById('host-styles') as HTMLStyleElement;
    const withHost = read();
    host.disabled = true;
    const without = read();
    host.disabled = false;
    return withHost.flatMap((styles, i) =>
      Object.entries(styles)
        .filter(([name, value]) => without[i]![name] !== value)
        .map(
          ([name, value]) =>
            `${elements[i]!.tagName.toLowerCase()}.${elements[i]!.className} ${name}: ${value} (${without[i]![name]} without the host)`,
        ),
    );
  });
}

test('the host page’s styles do not leak into the dialog', async ({ server, alice, bob }) => {
  const dialog = await openConflict(alice, bob);
  // The host's sheet comes after Concord's and has rules for states (hover, focus), attributes
  // (role, aria-pressed) and the dialog element itself, besides element rules.
  expect(await findLeaks(bob)).toEqual([]);
  await dialog.root.getByRole('button', { name: 'Use theirs' }).hover();
  expect(await findLeaks(bob)).toEqual([]);
  // A mouse click presses the button (aria-pressed) and moves focus on, the mouse still over it.
  await dialog.useTheirs(1);
  expect(await findLeaks(bob)).toEqual([]);
  // And the dialog still works on that page.
  await dialog.saveMerged();
  await dialog.expectClosed();
  expect(server.text()).toBe(original.replace('Four.', 'Four, Alice.'));
});

for (const [path, system, expected] of [
  ['/', 'light', 'light'],
  ['/', 'dark', 'dark'],
  ['/?scheme=dark', 'light', 'dark'],
  ['/?scheme=light', 'dark', 'light'],
] as const) {
  test(`colorScheme ${path.includes('=') ? path.split('=')[1] : 'auto'} on a ${system} system shows the dialog ${expected}`, async ({
    server,
    alice,
    bob,
  }) => {
    await bob.emulateMedia({ colorScheme: system });
    const dialog = await openConflict(alice, bob, path);
    await expect(dialog.root).toHaveClass(/(^| )note-conflict( |$)/);
    await expect(dialog.root).toHaveCSS('color-scheme', expected);
    await expect(dialog.root).toHaveCSS(
      'background-color',
      expected === 'dark' ? 'rgb(22, 27, 34)' : 'rgb(255, 255, 255)',
    );
    await dialog.useMine(1);
    await dialog.saveMerged();
    await dialog.expectClosed();
    expect(server.text()).toBe(original.replace('Four.', 'Four, Bob.'));
  });
}

test('a save that meets a newer version made behind the page: All theirs, Undo, Redo, Cancel keep the draft', async ({
  server,
  bob,
  request,
}) => {
  await bob.goto('/');
  await expect(bob.getByRole('textbox', { name: 'Note' })).toHaveValue(original);
  // Someone else saves line 4 (through the API, as another program would).
  const byAlice = original.replace('Four.', 'Four, Alice.');
  await saveNewerVersion(request, {
    url: `${server.url}api/note`,
    change: (text) => text.replace('Four.', 'Four, Alice.'),
    headers: { 'Content-Type': 'text/plain' },
  });
  expect(server.text()).toBe(byAlice);

  const mine = original.replace('Four.', 'Four, Bob.');
  await save(bob, mine);
  const dialog = new ConflictDialogPage(bob);
  await dialog.expectOpen();
  await dialog.allTheirs();
  await dialog.expectConflictsLeft(0);
  expect(await dialog.readMerged()).toBe(byAlice);
  await dialog.undo();
  await dialog.expectConflictsLeft(1);
  await dialog.redo();
  await dialog.expectChosen(1, 'Use theirs');
  // Cancel: nothing saved, the draft is Bob's as he typed it.
  await dialog.cancel();
  await dialog.expectClosed();
  await expect(bob.getByRole('textbox', { name: 'Note' })).toHaveValue(mine);
  expect(server.text()).toBe(byAlice);

  // Saving again meets the same newer version: this time his line wins, edited by hand.
  await bob.getByRole('button', { name: 'Save' }).click();
  await dialog.expectOpen();
  await dialog.useMine(1);
  const edited = mine.replace('Eight.', 'Eight, Bob.');
  await dialog.editMerged(edited);
  await dialog.saveMerged();
  await dialog.expectClosed();
  await expect(bob.getByRole('status')).toHaveText('Saved');
  expect(server.text()).toBe(edited);
});

test('a dialog translated by the host writes its own marker lines, and one left behind is never saved', async ({
  server,
  bob,
  request,
}) => {
  await bob.goto('/?lang=de');
  await expect(bob.getByRole('textbox', { name: 'Note' })).toHaveValue(original);
  const byAlice = original.replace('Four.', 'Four, Alice.');
  await saveNewerVersion(request, {
    url: `${server.url}api/note`,
    change: (text) => text.replace('Four.', 'Four, Alice.'),
    headers: { 'Content-Type': 'text/plain' },
  });

  await save(bob, original.replace('Four.', 'Four, Bob.'));
  const dialog = new ConflictDialogPage(bob, germanLabels);
  await dialog.expectOpen();
  await dialog.expectConflictsLeft(1);
  const merged = await dialog.readMerged();
  expect(merged).toBe(
    lines(
      'One.',
      'Two.',
      'Three.',
      '<<<<<<< meine Fassung (Konflikt 1)',
      'Four, Bob.',
      '======= (Konflikt 1)',
      'Four, Alice.',
      '>>>>>>> ihre Fassung (Konflikt 1)',
      'Five.',
      'Six.',
      'Seven.',
      'Eight.',
    ),
  );

  // Bob deletes their line and two of the marker lines by hand, but not the first: the dialog
  // knows its German marker, says where it is, and will not save.
  const withMarker = merged
    .replace('======= (Konflikt 1)\nFour, Alice.\n>>>>>>> ihre Fassung (Konflikt 1)\n', '')
    .replace('Four, Bob.', 'Four, Bob and Alice.');
  await dialog.editMerged(withMarker);
  await dialog.expectMarkerLeft(4);
  await dialog.expectConflictsLeft(1);
  expect(server.text()).toBe(byAlice);

  // Without the marker line it is saved as he wrote it.
  const resolved = withMarker.replace('<<<<<<< meine Fassung (Konflikt 1)\n', '');
  await dialog.editMerged(resolved);
  await dialog.expectConflictsLeft(0);
  await dialog.saveMerged();
  await dialog.expectClosed();
  await expect(bob.getByRole('status')).toHaveText('Saved');
  expect(server.text()).toBe(original.replace('Four.', 'Four, Bob and Alice.'));
});
