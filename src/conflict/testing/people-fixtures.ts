import {
  test as base,
  type Browser,
  type BrowserContextOptions,
  type Page,
  type PlaywrightTestArgs,
  type PlaywrightTestOptions,
  type PlaywrightWorkerArgs,
  type PlaywrightWorkerOptions,
  type TestType,
} from '@playwright/test';

/** Two people, each in a browser context of their own (own cookies and storage), on `baseURL`. */
export interface PeopleFixtures {
  alice: Page;
  bob: Page;
}

/**
 * Playwright's `test` with `alice` and `bob`: two people in their own browser contexts, so that
 * their saves meet as two people's would. Each context starts from the test's `baseURL` and
 * `storageState` options and is closed after the test.
 *
 * @example
 * import { test, expect } from '@concord/playwright';
 * test('bob meets alice's save', async ({ alice, bob }) => {
 *   await alice.goto('/notes/1');
 *   await bob.goto('/notes/1');
 * });
 */
// Typed out, so that the published declarations name @playwright/test, the test author's package,
// rather than the `playwright` package it re-exports, which a strict installer does not expose.
export const test: TestType<
  PlaywrightTestArgs & PlaywrightTestOptions & PeopleFixtures,
  PlaywrightWorkerArgs & PlaywrightWorkerOptions
> = base.extend<PeopleFixtures>({
  alice: async ({ browser, baseURL, storageState }, use) => {
    await usePerson(browser, baseURL, storageState, use);
  },
  bob: async ({ browser, baseURL, storageState }, use) => {
    await usePerson(browser, baseURL, storageState, use);
  },
});

export { expect } from '@playwright/test';

async function usePerson(
  browser: Browser,
  baseURL: string | undefined,
  storageState: BrowserContextOptions['storageState'],
  use: (page: Page) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({
    ...(baseURL !== undefined && { baseURL }),
    ...(storageState !== undefined && { storageState }),
  });
  try {
    await use(await context.newPage());
  } finally {
    await context.close();
  }
}
