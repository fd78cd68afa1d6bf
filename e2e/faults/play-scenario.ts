import {
  chromium,
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Route,
} from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentDto } from '../../src/protocol/index.ts';
import { chromiumPath } from '../concord-process.ts';
import { EditorPage } from '../pages/editor-page.ts';
import type { FaultServer } from './fault-server.ts';
import { judge, personOf, type Sight, type Typed, type Verdict } from './judge.ts';
import type { NetworkFault, Scenario, Step, Where, Who } from './scenario.ts';

/** One row of the fault report. */
export interface FaultResult extends Verdict {
  name: string;
  fault: string;
  /** From the step `fault-over` to the end of the scenario, when it has one. */
  recoverMs: number | null;
}

export const defaultSeed = [
  'Minutes of the planning meeting.',
  'Attendees: Alice, Bob.',
  'We agreed to ship the beta in spring.',
  'Open questions: pricing, the name, the launch date.',
].join('\n\n');

const browserArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const words = ['kestrel', 'marten', 'heron', 'lynx', 'otter', 'ibis', 'wren', 'stoat', 'vole'];

interface Person {
  name: string;
  context: BrowserContext;
  /** For a person whose browser may crash: the profile it relaunches on. */
  profile?: string;
  tabs: Map<Who, EditorPage>;
}

/**
 * Plays a scenario: real browsers against the real server, faults injected where they really
 * happen (the browser's network, the server process, the browser process, the page lifecycle).
 */
export class ScenarioPlayer {
  private readonly people = new Map<string, Person>();
  private readonly typed: Typed[] = [];
  private readonly faults = new Map<Who, { fault: NetworkFault; left: number; only?: string }[]>();
  private readonly offline = new Set<string>();
  private docId = '';
  /** Documents that existed before the scenario: not its business. */
  private readonly before = new Set<string>();
  private readonly tag = Math.random().toString(36).slice(2, 6);
  private seed = '';
  private faultOverAt: number | undefined;
  private atFaultOver: Sight | undefined;

  constructor(
    private readonly browser: Browser,
    private readonly server: FaultServer,
    private readonly api: APIRequestContext,
  ) {}

  async play(scenario: Scenario): Promise<FaultResult> {
    this.seed = scenario.seed ?? `${defaultSeed}\n`;
    for (const id of await this.documentIds()) this.before.add(id);
    const title = `${scenario.name.slice(0, 80)} ${Math.random().toString(36).slice(2, 8)}`;
    const created = await this.api.post('/api/docs', { data: { title, body: this.seed } });
    expect(created.status(), await created.text()).toBe(201);
    this.docId = ((await created.json()) as DocumentDto).id;
    const crashing = new Set(
      scenario.steps.flatMap((s) => (s.do === 'crash-browser' ? [personOf(s.who)] : [])),
    );
    for (const who of scenario.people) {
      const name = personOf(who);
      if (!this.people.has(name)) await this.launch(name, crashing.has(name));
    }
    for (const step of scenario.steps) await this.run(step);
    const end = { ...(await this.look()), history: await this.history() };
    const versions = await this.versions();
    const verdict = judge(this.typed, end, versions, this.atFaultOver, this.seed);
    return {
      name: scenario.name,
      fault: scenario.fault,
      ...verdict,
      recoverMs: this.faultOverAt === undefined ? null : Date.now() - this.faultOverAt,
    };
  }

  async dispose(): Promise<void> {
    for (const person of this.people.values()) {
      await person.context.close().catch(() => undefined);
      if (person.profile) rmSync(person.profile, { recursive: true, force: true });
    }
  }

  private async run(step: Step): Promise<void> {
    switch (step.do) {
      case 'open': {
        const tab = await this.tab(step.who, true);
        // A document of megabytes takes its time to arrive and render on a busy machine.
        await tab.open(this.docId, { timeout: 30_000 });
        return;
      }
      case 'type':
        return this.type(await this.tab(step.who), this.track(step.who), step.where ?? 'end');
      case 'rewrite': {
        const tab = await this.tab(step.who);
        await selectPassage(tab, step.passage);
        await tab.body.pressSequentially(this.track(step.who));
        return;
      }
      case 'retitle': {
        const tab = await this.tab(step.who);
        await tab.title.fill('');
        await tab.title.pressSequentially(this.track(step.who, 'title'));
        return;
      }
      case 'save':
        return (await this.tab(step.who)).save();
      case 'expect-saved':
        return this.expectSaved(await this.tab(step.who));
      case 'finish-save':
        return this.finishSave(await this.tab(step.who));
      case 'expect-dialog':
        return (await this.tab(step.who)).dialog.expectOpen();
      case 'dialog':
        return this.dialog(await this.tab(step.who), step.action, step.conflict ?? 1);
      case 'type-in-merged-result': {
        const { dialog } = await this.tab(step.who);
        await dialog.mergedResult.focus();
        await dialog.mergedResult.press('ControlOrMeta+End');
        await dialog.mergedResult.pressSequentially(`\n${this.track(step.who)}`);
        return;
      }
      case 'reload': {
        const tab = await this.tab(step.who);
        // Offline, the reload itself fails (the browser's own error page): the draft must wait.
        const offline = this.offline.has(personOf(step.who));
        const down = step.serverDown === true;
        await tab.page.reload().catch((e: unknown) => {
          if (!offline && !down) throw e;
        });
        if (!offline && !down)
          await expect(tab.body.or(tab.dialog.root).first()).toBeVisible({ timeout: 30_000 });
        return;
      }
      case 'close': {
        const tab = await this.tab(step.who);
        await tab.page.close({ runBeforeUnload: true });
        this.people.get(personOf(step.who))!.tabs.delete(step.who);
        return;
      }
      case 'restore-closed-tab': {
        const tab = await this.tab(step.who);
        await (await tab.closedTabOffer()).getByRole('button', { name: 'Restore them' }).click();
        return;
      }
      case 'save-as-new': {
        const tab = await this.tab(step.who);
        const before = tab.page.url();
        await tab.page.getByRole('button', { name: 'Save as a new document' }).click();
        await tab.page.waitForURL((url) => url.href !== before);
        await tab.expectSaved();
        return;
      }
      case 'expect-alert': {
        const { page } = await this.tab(step.who);
        await expect(page.getByRole('alert').filter({ hasText: step.text })).toBeVisible();
        return;
      }
      case 'restore-my-edits':
        return (await this.tab(step.who)).page
          .getByRole('button', { name: 'Restore my edits' })
          .click();
      case 'offline': {
        const { context, name } = this.person(step.who);
        await context.setOffline(true);
        this.offline.add(name);
        if (step.ms !== undefined) {
          await new Promise((r) => setTimeout(r, step.ms));
          await context.setOffline(false);
          this.offline.delete(name);
        }
        return;
      }
      case 'online': {
        const { context, name } = this.person(step.who);
        await context.setOffline(false);
        this.offline.delete(name);
        await this.reloadBrokenTabs(this.person(step.who));
        return;
      }
      case 'network': {
        const list = this.faults.get(step.who) ?? [];
        list.push({
          fault: step.fault,
          left: step.times ?? 1,
          ...(step.only && { only: step.only }),
        });
        this.faults.set(step.who, list);
        return;
      }
      case 'heal-network':
        this.faults.delete(step.who);
        return;
      case 'kill-server':
        return this.server.kill();
      case 'restart-server':
        await this.server.restart();
        for (const person of this.people.values()) await this.reloadBrokenTabs(person);
        return;
      case 'restart-postgres':
        return this.server.restartPostgres();
      case 'crash-browser':
        return this.crash(personOf(step.who));
      case 'relaunch-browser':
        return this.launch(personOf(step.who), true);
      case 'freeze':
      case 'resume': {
        const tab = await this.tab(step.who);
        const cdp = await tab.page.context().newCDPSession(tab.page);
        await cdp.send('Page.setWebLifecycleState', {
          state: step.do === 'freeze' ? 'frozen' : 'active',
        });
        await cdp.detach();
        return;
      }
      case 'api-save':
        return this.apiSave(step.as, step.where ?? 'end');
      case 'api-delete': {
        const response = await this.api.delete(`/api/docs/${this.docId}`, {
          headers: { 'If-Match': '*', 'Concord-User': step.as },
        });
        expect(response.status()).toBe(204);
        return;
      }
      case 'fault-over':
        this.faultOverAt = Date.now();
        this.atFaultOver = await this.look();
        return;
      case 'click': {
        const { page } = await this.tab(step.who);
        await page.getByRole(step.role ?? 'button', { name: step.name, exact: true }).click();
        return;
      }
      case 'clock-offset': {
        const { page } = await this.tab(step.who);
        await page.clock.install({ time: Date.now() + step.ms });
        await page.clock.resume();
        return;
      }
      case 'storage-full':
        await this.person(step.who).context.addInitScript(() => {
          // As a browser whose quota is used up: every write to web storage and IndexedDB throws.
          const refuse = () => {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          };
          Storage.prototype.setItem = refuse;
          IDBObjectStore.prototype.put = refuse;
          IDBObjectStore.prototype.add = refuse;
        });
        return;
      case 'wait':
        await new Promise((r) => setTimeout(r, step.ms));
        return;
    }
  }

  /** A new tracked sentence by `who`, remembered for the judge. */
  private track(who: Who, kind: 'sentence' | 'title' = 'sentence'): string {
    const n = this.typed.length + 1;
    const name = personOf(who);
    const label = name[0]!.toUpperCase() + name.slice(1);
    // The tag keeps sentences of scenarios that share a server apart.
    const w = (i: number) => `${words[(n * 3 + i) % words.length]}-${this.tag}${n}${i}`;
    const text =
      kind === 'title' ? `${label} title ${w(0)}` : `${label} note ${n}: ${w(0)} ${w(1)}.`;
    this.typed.push({ who, text });
    return text;
  }

  /** A tab whose reload failed (offline, server down) shows the browser's error page: reload it. */
  private async reloadBrokenTabs(person: Person): Promise<void> {
    for (const tab of person.tabs.values()) {
      if (tab.page.isClosed()) continue;
      const shown = tab.body.or(tab.dialog.root).first();
      // A tab still booting after a reload is not broken, and reloading it then aborts its
      // navigation (net::ERR_ABORTED): give it the time a load takes first.
      const loads = await shown.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      if (loads) continue;
      await tab.page.reload();
      await expect(shown).toBeVisible();
    }
  }

  /** "Saved" must be true: the tab shows exactly what the server has. */
  private async expectSaved(tab: EditorPage): Promise<void> {
    await tab.expectSaved();
    const response = await this.api.get(`/api/docs/${this.docId}`);
    const doc = (await response.json()) as DocumentDto;
    await expect(tab.body).toHaveValue(doc.body);
    await expect(tab.title).toHaveValue(doc.title);
  }

  /**
   * Saves as a person would until it is saved: Save, and where the dialog opens with nothing
   * left to decide, Save merged version (again if yet another save landed meanwhile).
   */
  private async finishSave(tab: EditorPage): Promise<void> {
    // With the dialog open (a resolution that met yet another save) the editor's Save is behind
    // it: the person goes on in the dialog.
    if (!(await tab.dialog.root.isVisible())) await tab.save();
    for (let round = 0; round < 5; round++) {
      const saved = tab.status.filter({ hasText: /^Saved$/ });
      await expect(saved.or(tab.dialog.root).first()).toBeVisible({ timeout: 15_000 });
      if (!(await tab.dialog.root.isVisible())) return this.expectSaved(tab);
      // A resolution already on its way (a retry) keeps the dialog busy: a person waits for it
      // to land, which closes the dialog, or to come back with something to decide.
      const idle = tab.dialog
        .button(tab.dialog.labels.cancel)
        .and(tab.page.getByRole('button', { disabled: false }));
      await expect(saved.or(idle).first()).toBeVisible({ timeout: 15_000 });
      if (!(await tab.dialog.root.isVisible())) return this.expectSaved(tab);
      await this.keepEveryonesWords(tab);
      await tab.dialog.expectConflictsLeft(0);
      await tab.dialog.saveMerged();
      await expect(tab.dialog.root)
        .toBeHidden({ timeout: 15_000 })
        .catch(() => undefined);
    }
    throw new Error('Still not saved after five rounds of merging');
  }

  /** What a person who wants nobody's words lost does: Use both on each conflict still open. */
  private async keepEveryonesWords(tab: EditorPage): Promise<void> {
    const open = tab.dialog.root.locator('[data-unresolved="true"]');
    for (let left = await open.count(); left > 0; left = await open.count()) {
      const group = open.first();
      const both = group.getByRole('button', { name: tab.dialog.labels.useBoth, exact: true });
      if ((await both.count()) > 0) await both.click();
      else
        await group.getByRole('button', { name: tab.dialog.labels.useMine, exact: true }).click();
      await expect(open).toHaveCount(left - 1);
    }
  }

  private async type(tab: EditorPage, text: string, where: Where): Promise<void> {
    await tab.body.focus();
    if (where === 'end') {
      await tab.body.press('ControlOrMeta+End');
      const value = await tab.body.inputValue();
      await tab.body.pressSequentially(value.endsWith('\n') || value === '' ? text : `\n${text}`);
    } else if (where === 'start') {
      await tab.body.press('ControlOrMeta+Home');
      await tab.body.pressSequentially(`${text} `);
    } else {
      const value = await tab.body.inputValue();
      const at = value.indexOf(where.after);
      if (at === -1) throw new Error(`The body does not contain ${JSON.stringify(where.after)}`);
      const end = at + where.after.length;
      await tab.body.evaluate((el: HTMLTextAreaElement, i) => el.setSelectionRange(i, i), end);
      await tab.body.pressSequentially(` ${text}`);
    }
  }

  private async dialog(tab: EditorPage, action: string, conflict: number): Promise<void> {
    const { dialog } = tab;
    if (action === 'use-mine') await dialog.useMine(conflict);
    else if (action === 'use-theirs') await dialog.useTheirs(conflict);
    else if (action === 'use-both') await dialog.useBoth(conflict);
    else if (action === 'save-merged') await dialog.saveMerged();
    else if (action === 'keep-mine') {
      await dialog.keepMine();
      // Where theirs holds changes mine lacks, Keep mine asks first, listing them: the person
      // confirms, having seen what goes (it stays in the history).
      const asked = await dialog.discardDialog
        .waitFor({ state: 'visible', timeout: 2_000 })
        .then(() => true)
        .catch(() => false);
      if (asked) await dialog.discardTheirChanges();
    } else if (action === 'take-theirs') await dialog.takeTheirs();
    else if (action === 'escape') await tab.page.keyboard.press('Escape');
  }

  /** A save through the API by someone without a browser: a tracked sentence appended. */
  private async apiSave(as: string, where: Where): Promise<void> {
    const current = await this.api.get(`/api/docs/${this.docId}`);
    expect(current.status()).toBe(200);
    const doc = (await current.json()) as DocumentDto;
    const text = this.track(as);
    const body =
      where === 'end'
        ? `${doc.body}${doc.body.endsWith('\n') ? '' : '\n'}${text}\n`
        : where === 'start'
          ? `${text} ${doc.body}`
          : doc.body.replace(where.after, `${where.after} ${text}`);
    const saved = await this.api.put(`/api/docs/${this.docId}`, {
      data: { title: doc.title, body },
      headers: { 'If-Match': current.headers().etag!, 'Concord-User': as },
    });
    expect(saved.status(), await saved.text()).toBe(200);
  }

  /** What the server holds and what each person has in front of them right now. */
  private async look(): Promise<Sight> {
    const response = await this.api.get(`/api/docs/${this.docId}`);
    let server = '';
    if (response.status() === 200) {
      const doc = (await response.json()) as DocumentDto;
      server = `${doc.title}\n${doc.body}`;
    }
    // A document saved anew (after a delete) holds the text too.
    for (const id of await this.documentIds()) {
      if (id === this.docId || this.before.has(id)) continue;
      const other = await this.api.get(`/api/docs/${id}`);
      if (other.status() === 200) {
        const doc = (await other.json()) as DocumentDto;
        server += `\n\u0000\n${doc.title}\n${doc.body}`;
      }
    }
    const visible = new Map<string, string[]>();
    for (const [name, person] of this.people) {
      const texts: string[] = [];
      for (const tab of person.tabs.values()) {
        if (tab.page.isClosed()) continue;
        texts.push(
          ...(await tab.page
            .evaluate(() =>
              Array.from(
                document.querySelectorAll<HTMLInputElement>('input, textarea'),
                (e) => e.value,
              ),
            )
            .catch(() => [] as string[])),
        );
      }
      visible.set(name, texts);
    }
    return { server, visible };
  }

  private async documentIds(): Promise<string[]> {
    const ids: string[] = [];
    let url: string | undefined = '/api/docs?limit=100';
    while (url) {
      const response = await this.api.get(url);
      const page = (await response.json()) as { items: { id: string }[]; next_cursor?: string };
      ids.push(...page.items.map((item) => item.id));
      url = page.next_cursor
        ? `/api/docs?limit=100&cursor=${encodeURIComponent(page.next_cursor)}`
        : undefined;
    }
    return ids;
  }

  /** The text of every version the server keeps. */
  private async history(): Promise<string[]> {
    const texts: string[] = [];
    for (const n of await this.versions()) {
      const response = await this.api.get(`/api/docs/${this.docId}/versions/${n}`);
      if (response.status() !== 200) continue;
      const doc = (await response.json()) as DocumentDto;
      texts.push(`${doc.title}\n${doc.body}`);
    }
    return texts;
  }

  private async versions(): Promise<number[]> {
    // The versions are paged (100 by default); a scenario keeps far fewer than the most, 1,000.
    const response = await this.api.get(`/api/docs/${this.docId}/versions?limit=1000`);
    if (response.status() !== 200) return [];
    const { items } = (await response.json()) as { items: { version: number }[] };
    return items.map((v) => v.version);
  }

  private person(who: Who): Person {
    const person = this.people.get(personOf(who));
    if (!person) throw new Error(`${who} does not take part in this scenario`);
    return person;
  }

  /** The tab `who` (opened on first use when `create`). */
  private async tab(who: Who, create = false): Promise<EditorPage> {
    const person = this.person(who);
    let tab = person.tabs.get(who);
    if (!tab || tab.page.isClosed()) {
      if (!create) throw new Error(`${who} has no open tab`);
      const page = await person.context.newPage();
      await page.route(isDocumentRequest, (route) => this.intercept(who, route));
      tab = new EditorPage(page);
      person.tabs.set(who, tab);
    }
    return tab;
  }

  private async intercept(who: Who, route: Route): Promise<void> {
    const method = route.request().method();
    const pending = (this.faults.get(who) ?? []).find(
      (f) => f.left > 0 && (!f.only || f.only === method),
    );
    if (!pending) return route.fallback();
    pending.left--;
    const { fault } = pending;
    if (fault.kind === 'delay') {
      await new Promise((r) => setTimeout(r, fault.ms));
      return route.fallback();
    }
    if (fault.kind === 'refuse') return route.abort('connectionrefused');
    if (fault.kind === 'fail-5xx') {
      return route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503 }),
      });
    }
    // The request reaches the server and lands; its answer is lost on the way back.
    await route.fetch().catch(() => undefined);
    return route.abort('connectionreset');
  }

  private async launch(name: string, persistent: boolean): Promise<void> {
    const old = this.people.get(name);
    const baseURL = this.server.url;
    const label = name[0]!.toUpperCase() + name.slice(1);
    let context: BrowserContext;
    let profile: string | undefined;
    if (persistent) {
      profile = old?.profile ?? mkdtempSync(join(tmpdir(), 'concord-faults-profile-'));
      const executablePath = chromiumPath();
      context = await chromium.launchPersistentContext(profile, {
        baseURL,
        args: browserArgs,
        ...(executablePath && { executablePath }),
      });
      for (const page of context.pages()) await page.close();
    } else {
      context = await this.browser.newContext({ baseURL });
    }
    await context.addInitScript((n) => localStorage.setItem('concord:user-name', n), label);
    this.people.set(name, { name, context, ...(profile && { profile }), tabs: new Map() });
  }

  /** Kills every process of this person's browser with SIGKILL, as a crash would. */
  private async crash(name: string): Promise<void> {
    const person = this.person(name);
    if (!person.profile) throw new Error(`${name} has no persistent profile to crash`);
    const closed = new Promise((resolve) => person.context.once('close', resolve));
    for (const pid of findProcesses(`--user-data-dir=${person.profile}`)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone with its parent.
      }
    }
    await closed;
    person.tabs.clear();
    // Chromium removes its profile lock only on a clean exit; a crashed one leaves it behind.
    execFileSync('rm', ['-f', join(person.profile, 'SingletonLock')]);
  }
}

function isDocumentRequest(url: URL): boolean {
  // The document itself (GET, PUT, DELETE), not its event stream or versions.
  return /^\/api\/docs\/[^/]+$/.test(url.pathname);
}

async function selectPassage(tab: EditorPage, passage: string): Promise<void> {
  const value = await tab.body.inputValue();
  const at = value.indexOf(passage);
  if (at === -1) throw new Error(`The body does not contain ${JSON.stringify(passage)}`);
  await tab.body.focus();
  await tab.body.evaluate(
    (el: HTMLTextAreaElement, [from, to]) => el.setSelectionRange(from!, to!),
    [at, at + passage.length],
  );
}

function findProcesses(needle: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(needle)) pids.push(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return pids;
}
