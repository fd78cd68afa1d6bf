import { test as base, expect, type APIRequestContext } from '@playwright/test';
import { FaultServer } from './fault-server.ts';
import { keepsPromise } from './judge.ts';
import { ScenarioPlayer } from './play-scenario.ts';
import { scenarios } from './scenarios/index.ts';

const test = base.extend<{ api: APIRequestContext }, { faultServer: FaultServer }>({
  faultServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await FaultServer.start();
      await use(server);
      await server.dispose();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ faultServer }, use) => use(faultServer.url),
  api: async ({ playwright, faultServer }, use) => {
    const api = await playwright.request.newContext({ baseURL: faultServer.url });
    await use(api);
    await api.dispose();
  },
});

test.describe('never lose a word: fault scenarios', () => {
  // A scenario plays minutes of a person's work with restarts and relaunches in it.
  test.describe.configure({ timeout: 120_000 });
  for (const scenario of scenarios) {
    test(scenario.name, async ({ browser, faultServer, api }, testInfo) => {
      // A scenario may have killed the server: each starts with one that answers.
      await faultServer.restart();
      const player = new ScenarioPlayer(browser, faultServer, api);
      try {
        const result = await player.play(scenario);
        await testInfo.attach('fault-result', {
          body: JSON.stringify(result),
          contentType: 'application/json',
        });
        expect(result.lost, 'sentences lost').toEqual([]);
        expect(result.duplicated, 'sentences stored twice').toEqual([]);
        expect(result.markerLines, 'conflict markers stored').toEqual([]);
        expect(result.versionGaps, 'versions missing').toEqual([]);
        expect(keepsPromise(result)).toBe(true);
      } finally {
        await player.dispose();
      }
    });
  }
});
