import type { Page } from '@playwright/test';
import { expect, test } from './accounts-fixtures.ts';

/** The bar's actions as the owner sees them, in the order they stand in the page. */
const actions = ['History', 'Share', 'Delete', 'Save'];

/** Where each action sits, and whether the page scrolls sideways. */
async function measureBar(page: Page) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: window.innerWidth,
    // Typing may scroll a short window: positions are taken in the page, not the window.
    scrolled: window.scrollY,
  }));
  const boxes = await Promise.all(
    actions.map(async (name) => {
      const box = await page.getByRole('button', { name, exact: true }).boundingBox();
      if (!box) throw new Error(`No ${name} button on screen`);
      return { name, ...box, y: box.y + widths.scrolled };
    }),
  );
  return { boxes, widths };
}

/** All four on one row, in order, Save at its end, none cut off, nothing scrolling sideways. */
async function expectOneRowEndingInSave(page: Page) {
  const { boxes, widths } = await measureBar(page);
  expect(widths.page).toBeLessThanOrEqual(widths.window);
  const top = boxes[0]!.y;
  for (const box of boxes) {
    expect(Math.abs(box.y - top), `${box.name} is on another row`).toBeLessThan(1);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(widths.window);
  }
  for (let i = 1; i < boxes.length; i++)
    expect(boxes[i]!.x, `${boxes[i]!.name} after ${boxes[i - 1]!.name}`).toBeGreaterThan(
      boxes[i - 1]!.x + boxes[i - 1]!.width,
    );
  return boxes;
}

const screens = [
  { name: 'a 375 px phone', viewport: { width: 375, height: 700 }, deviceScaleFactor: 1 },
  { name: '200% zoom', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
  { name: 'a desktop', viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 },
];

for (const screen of screens) {
  test.describe(`on ${screen.name}`, () => {
    test.use({ viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor });

    test(`${screen.name}: the editor’s actions share one row, Save at its end`, async ({
      alice,
      seededDoc,
    }) => {
      await alice.editor.open(seededDoc.id);
      await alice.editor.expectSaved();
      const saved = await expectOneRowEndingInSave(alice.page);

      await alice.editor.typeAtEnd('One more line.');
      await alice.editor.expectUnsaved();
      // The longer status does not push the actions about.
      expect(await expectOneRowEndingInSave(alice.page)).toEqual(saved);

      await alice.editor.save();
      await alice.editor.expectSaved();
      expect((await seededDoc.fetch()).doc.body).toBe(`${seededDoc.body}One more line.`);
    });
  });
}
