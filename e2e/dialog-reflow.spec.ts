import type { Locator, Page } from '@playwright/test';
import { expect, test, type Person, type SeededDoc } from './fixtures.ts';
import { EditorPage } from './pages/editor-page.ts';
import { seriousViolations } from './serious-violations.ts';
import { aliceSavesFirst } from './steps.ts';

// WCAG 2.2, 1.4.10 Reflow: the editor and the conflict dialog work without sideways scrolling on
// a phone (375 px, and 320 px: 1280 px at 400 %) and at 200 % zoom of a laptop (640×450), with
// the conflicts in view and the primary action reachable.

const prose = `${[
  'Our team meets every Tuesday to plan the week. The agenda is shared the day before, so that everyone can add the points they want to raise.',
  'Attendees:',
  '- Dana, who runs the meeting\n- Sam, who takes the notes\n- Lee, who keeps the time',
  'We start with what shipped, then what is blocked, and end with who does what next. Decisions go into the notes with the name of whoever owns them.',
  'If a meeting has nothing on its agenda by Monday evening, it is cancelled and the time is given back.',
].join('\n\n')}\n`;

test.use({ seedBody: prose });
// Each story runs axe four times, in light and dark.
test.slow();

/** Bob's save meets Alice's: two conflicts, and a list item both edited (merged by itself). */
async function meetConflict(alice: Person, bob: Person, doc: SeededDoc): Promise<void> {
  await aliceSavesFirst({ alice, bob }, doc.id, {
    bob: [
      ['shared the day before', 'sent out on Monday morning'],
      ['- Sam, who takes the notes', '- Sam, who takes the notes and sends them round'],
      ['it is cancelled', 'Dana cancels it'],
    ],
    alice: [
      ['shared the day before', 'posted in the channel on Friday'],
      ['- Sam, who takes the notes', '- Priya, who takes the notes'],
      ['it is cancelled', 'nobody needs to come'],
    ],
  });
}

/** Mine on the first conflict, theirs on the second, saved; the server holds exactly that. */
async function resolveAndSave(bob: Person, doc: SeededDoc): Promise<void> {
  const dialog = bob.editor.dialog;
  await dialog.useMine(1);
  // Focus moved on to the next conflict; nothing (the actions at the bottom) covers it.
  await expectFullyShown(bob.page.locator(':focus'));
  await dialog.useTheirs(2);
  await dialog.expectConflictsLeft(0);
  await expectFullyShown(dialog.button('Save merged version'));
  await dialog.saveMerged();
  await dialog.expectClosed();
  await bob.editor.expectSaved();
  const expected = prose
    .replace('shared the day before', 'sent out on Monday morning')
    .replace('- Sam, who takes the notes', '- Priya, who takes the notes and sends them round')
    .replace('it is cancelled', 'nobody needs to come');
  expect((await doc.fetch()).doc.body).toBe(expected);
}

/** Neither the page nor the dialog scrolls sideways (the cut-off buttons). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => {
    const dialog = document.querySelector('dialog[open]');
    return {
      page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
      dialog: dialog ? [dialog.scrollWidth, dialog.clientWidth] : [0, 0],
    };
  });
  expect(widths.page[0], 'page scroll width').toBeLessThanOrEqual(widths.page[1]!);
  expect(widths.dialog[0], 'dialog scroll width').toBeLessThanOrEqual(widths.dialog[1]!);
}

/** Wholly inside the viewport and not covered by anything (a sticky bar, say). */
async function expectFullyShown(locator: Locator): Promise<void> {
  await expect(locator).toBeInViewport({ ratio: 1 });
  // Each line box of it (a change can wrap) is what the browser finds at its corners.
  const uncovered = await locator.evaluate((el) =>
    [...el.getClientRects()].every((r) =>
      [
        [r.left + 2, r.top + 2],
        [r.right - 2, r.bottom - 2],
      ].every(([x, y]) => el.contains(document.elementFromPoint(x!, y!))),
    ),
  );
  expect(uncovered, 'not covered').toBe(true);
}

/** The element's text sits on one line (the editor bar's items squeezed into columns before). */
async function expectOneLine(locator: Locator): Promise<void> {
  const lines = await locator.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  expect(lines, 'lines').toBe(1);
}

/** What every screen size shares: the editor reflows, the dialog opens with the work in view. */
async function expectDialogFits(bob: Person): Promise<void> {
  await expectNoSidewaysScroll(bob.page);
  await expectOneLine(bob.page.getByRole('link', { name: '← Documents' }));
  await expectOneLine(bob.editor.status);
  await expectFullyShown(bob.editor.saveButton);

  await bob.editor.save();
  const dialog = bob.editor.dialog;
  await dialog.expectOpen();
  await dialog.expectConflictsLeft(2);
  await expectNoSidewaysScroll(bob.page);
  await expectFullyShown(dialog.button('Save merged version'));
  // The first conflict's two sides and its choices, all four of them, are in view.
  const first = dialog.conflict(1);
  await expectFullyShown(first.getByText('Your change'));
  await expectFullyShown(first.getByText('sent out on Monday morning'));
  await expectFullyShown(first.getByText('Their change'));
  await expectFullyShown(first.getByText('posted in the channel on Friday'));
  for (const name of ['Use mine', 'Use theirs', 'Use both', 'Both, theirs first']) {
    await expectFullyShown(first.getByRole('button', { name, exact: true }));
  }
}

async function expectNoSeriousViolations(page: Page, state: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await seriousViolations(page, '.concord-dialog'), `${state}, light`).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page, '.concord-dialog'), `${state}, dark`).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Where the sides of the first conflict are: one above the other, or side by side. */
async function sidesOfFirstConflict(bob: Person): Promise<'stacked' | 'side by side'> {
  const first = bob.editor.dialog.conflict(1);
  const mine = (await first.getByText('Your change').boundingBox())!;
  const theirs = (await first.getByText('Their change').boundingBox())!;
  return theirs.y >= mine.y + mine.height ? 'stacked' : 'side by side';
}

const narrowScreens = [
  { name: 'a phone', width: 375, height: 740, sides: 'stacked' },
  { name: '320 px wide (400 % zoom)', width: 320, height: 640, sides: 'stacked' },
  { name: '200 % zoom', width: 640, height: 450, sides: 'side by side' },
] as const;

for (const screen of narrowScreens) {
  test(`on ${screen.name} (${screen.width}×${screen.height}) the conflicts fit, the toolbar folds away and the resolution saves`, async ({
    alice,
    bob,
    seededDoc,
  }) => {
    await bob.page.setViewportSize(screen);
    await meetConflict(alice, bob, seededDoc);
    await expectDialogFits(bob);
    const dialog = bob.editor.dialog;
    expect(await sidesOfFirstConflict(bob)).toBe(screen.sides);
    // A mouse and keyboard are there: the keys are listed (at the end, scrolled to).
    await expect(dialog.root.getByText(/^Keys:/)).toBeAttached();
    await expect(dialog.root.getByText(/^Keys:/)).not.toHaveCSS('display', 'none');

    // The toolbar is behind "More actions" (WAI-ARIA disclosure); the count stays in sight.
    const more = dialog.button('More actions');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(dialog.button('Next conflict')).toBeHidden();
    await expect(dialog.button('All theirs')).toBeHidden();
    await expectNoSeriousViolations(bob.page, 'toolbar folded');
    await more.click();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    await expect(dialog.button('Next conflict')).toBeVisible();
    await expect(dialog.button('All theirs')).toBeVisible();
    await expectNoSidewaysScroll(bob.page);
    await expectNoSeriousViolations(bob.page, 'toolbar shown');
    await more.click();
    await expect(dialog.button('All theirs')).toBeHidden();

    await resolveAndSave(bob, seededDoc);
  });
}

test('on a desktop the toolbar stays out and the sides stand side by side', async ({
  alice,
  bob,
  seededDoc,
}) => {
  await bob.page.setViewportSize({ width: 1280, height: 900 });
  await meetConflict(alice, bob, seededDoc);
  await expectDialogFits(bob);
  const dialog = bob.editor.dialog;
  expect(await sidesOfFirstConflict(bob)).toBe('side by side');
  await expect(dialog.root.getByText(/^Keys:/)).toBeVisible();
  await expect(dialog.button('More actions')).toBeHidden();
  await expect(dialog.button('Next conflict')).toBeVisible();
  await expect(dialog.button('All theirs')).toBeVisible();
  await expectNoSeriousViolations(bob.page, 'desktop');
  await resolveAndSave(bob, seededDoc);
});

test('on a touch screen the dialog lists no keys', async ({
  browser,
  baseURL,
  alice,
  seededDoc,
}) => {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 375, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  await context.addInitScript(() => localStorage.setItem('concord:user-name', 'Bob'));
  const page = await context.newPage();
  const bob: Person = { name: 'Bob', page, editor: new EditorPage(page) };
  await meetConflict(alice, bob, seededDoc);
  await expectDialogFits(bob);
  await expect(bob.editor.dialog.root.getByText(/^Keys:/)).toBeHidden();
  await expectNoSeriousViolations(page, 'touch');
  await resolveAndSave(bob, seededDoc);
  await context.close();
});
