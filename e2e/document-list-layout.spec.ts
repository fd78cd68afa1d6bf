import type { Page } from '@playwright/test';
import { expect, test } from './accounts-fixtures.ts';

/** A title long enough to fill a phone's line several times, of ordinary words. */
const longTitle =
  'Quarterly planning notes for the migration of the whole department to the new archive, with the budget and every open question';

/**
 * Every word (every number) of the document list's items with one of `titles` (their titles and
 * who-and-when lines) that is split over two lines, as "Shor|t" or "version 1|2"; a word longer
 * than `longest` characters may break (it could not fit otherwise). Other tests' documents share
 * the list and are left out.
 */
async function findBrokenWords(page: Page, titles: string[], longest = 24): Promise<string[]> {
  return page.evaluate(
    ([titles, longest]) => {
      const broken: string[] = [];
      for (const item of document.querySelectorAll('.doc-list li')) {
        if (!titles.some((title) => item.textContent!.includes(title))) continue;
        const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const word of node.textContent!.matchAll(/\S+/g)) {
            if (word[0].length > longest) continue;
            const range = document.createRange();
            range.setStart(node, word.index);
            range.setEnd(node, word.index + word[0].length);
            const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            if (lines.size > 1) broken.push(word[0]);
          }
        }
      }
      return broken;
    },
    [titles, longest] as const,
  );
}

const screens = [
  // A one-word title each (one server serves both), which a long line beside it used to squeeze.
  {
    name: 'a 375 px phone',
    viewport: { width: 375, height: 700 },
    deviceScaleFactor: 1,
    short: 'Agenda',
  },
  {
    name: '200% zoom',
    viewport: { width: 640, height: 400 },
    deviceScaleFactor: 2,
    short: 'Minutes',
  },
];

for (const screen of screens) {
  test.describe(`on ${screen.name}`, () => {
    test.use({ viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor });

    test(`${screen.name}: the document list breaks no word or number inside, and nothing scrolls sideways`, async ({
      alice,
      api,
    }) => {
      // One server serves the file's tests: each makes titles of its own.
      const title = `${longTitle} (${screen.name})`;
      const made = await Promise.all(
        [title, screen.short].map(async (name) => {
          const created = await api.post('/api/docs', { data: { title: name, body: 'Text.\n' } });
          expect(created.status(), await created.text()).toBe(201);
          return {
            id: ((await created.json()) as { id: string }).id,
            etag: created.headers().etag!,
          };
        }),
      );
      // Two-digit version numbers: a number must not split either.
      const { id } = made[0]!;
      let { etag } = made[0]!;
      for (let i = 0; i < 11; i++) {
        const saved = await api.put(`/api/docs/${id}`, {
          data: { title, body: `Text ${i}.\n` },
          headers: { 'If-Match': etag },
        });
        expect(saved.status(), await saved.text()).toBe(200);
        etag = saved.headers().etag!;
      }

      await alice.page.goto('/');
      const row = alice.page.getByRole('listitem').filter({ hasText: title });
      await expect(row).toContainText('version 12');
      await expect(alice.page.getByRole('link', { name: screen.short })).toBeVisible();
      expect(await findBrokenWords(alice.page, [title, screen.short])).toEqual([]);
      const widths = await alice.page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        window: window.innerWidth,
      }));
      expect(widths.page).toBeLessThanOrEqual(widths.window);

      // The list shows what the server holds.
      const stored = await api.get(`/api/docs/${id}`);
      expect(((await stored.json()) as { version: number }).version).toBe(12);
    });
  });
}
