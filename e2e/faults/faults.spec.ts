import {
  test as base,
  expect,
  type APIRequestContext,
  type Browser,
  type TestInfo,
} from '@playwright/test';
import { FaultServer } from './fault-server.ts';
import { keepsPromise } from './judge.ts';
import { ScenarioPlayer } from './play-scenario.ts';
import type { Scenario } from './scenario.ts';
import { scenarios } from './scenarios/index.ts';

interface Servers {
  sqliteServer: FaultServer;
  postgresServer: FaultServer;
}

// Each worker starts a server once, on first use: the real CLI on a fixed port, so that a
// scenario can kill it and start it again where the browsers expect it.
const test = base.extend<object, Servers>({
  sqliteServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await FaultServer.start();
      await use(server);
      await server.dispose();
    },
    { scope: 'worker' },
  ],
  postgresServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await FaultServer.start({ postgres: true });
      await use(server);
      await server.dispose();
    },
    { scope: 'worker' },
  ],
});

async function playScenario(
  scenario: Scenario,
  browser: Browser,
  server: FaultServer,
  playwright: {
    request: {
      newContext(o: {
        baseURL: string;
        extraHTTPHeaders?: Record<string, string>;
      }): Promise<APIRequestContext>;
    };
  },
  testInfo: TestInfo,
): Promise<void> {
  if (scenario.slow) test.slow();
  // A scenario before may have killed the server: each starts with one that answers.
  await server.restart();
  // A connection per request: the test's own checks idle while the writers type (longer than the
  // server's 5 s keep-alive) and a scenario may restart the server, so a kept connection could be
  // one the server is closing just then — read ECONNRESET, a failure of the test, not of Concord.
  const api = await playwright.request.newContext({
    baseURL: server.url,
    extraHTTPHeaders: { Connection: 'close' },
  });
  const player = new ScenarioPlayer(browser, server, api);
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
    await api.dispose();
  }
}

test.describe('never lose a word: fault scenarios', () => {
  // A scenario plays minutes of a person's work with restarts and relaunches in it.
  test.describe.configure({ timeout: 120_000 });
  for (const scenario of scenarios) {
    if (scenario.knownLoss) {
      const annotation = { type: 'known loss', description: scenario.knownLoss };
      test.fixme(scenario.name, { annotation }, () => {});
    } else if (scenario.store === 'postgres') {
      test(scenario.name, async ({ browser, postgresServer, playwright }, testInfo) => {
        await playScenario(scenario, browser, postgresServer, playwright, testInfo);
      });
    } else {
      test(scenario.name, async ({ browser, sqliteServer, playwright }, testInfo) => {
        await playScenario(scenario, browser, sqliteServer, playwright, testInfo);
      });
    }
  }
});
