import { expect, type Locator, type Page } from '@playwright/test';
import { ConflictDialogPage } from '../../src/conflict/testing/index.ts';

/** The editor at `/docs/{id}`, by role and name (design.md's UI contract). */
export class EditorPage {
  readonly title: Locator;
  readonly body: Locator;
  readonly saveButton: Locator;
  readonly status: Locator;
  readonly dialog: ConflictDialogPage;

  constructor(readonly page: Page) {
    this.title = page.getByRole('textbox', { name: 'Title', exact: true });
    this.body = page.getByRole('textbox', { name: 'Body', exact: true });
    this.saveButton = page.getByRole('button', { name: 'Save', exact: true });
    this.status = page.getByRole('status');
    this.dialog = new ConflictDialogPage(page);
  }

  async open(docId: string, options: { timeout?: number } = {}): Promise<void> {
    await this.page.goto(`/docs/${encodeURIComponent(docId)}`);
    await expect(this.body).toBeEditable(options);
  }

  /** Types `text` at the very end of the body, key by key, as a person would. */
  async typeAtEnd(text: string): Promise<void> {
    await this.body.focus();
    await this.body.press('ControlOrMeta+End');
    await this.body.pressSequentially(text);
  }

  /** Replaces the first occurrence of `search` in the body (the edit of one passage). */
  async replaceInBody(search: string, replacement: string): Promise<void> {
    const text = await this.body.inputValue();
    if (!text.includes(search))
      throw new Error(`The body does not contain ${JSON.stringify(search)}`);
    await this.body.fill(text.replace(search, replacement));
  }

  /** The offer of a closed tab's edits, once the editor has finished looking for them. */
  async closedTabOffer(): Promise<Locator> {
    await expect(this.page.locator('[data-closed-tab-search="done"]')).toHaveCount(1);
    return this.page.getByRole('region', { name: 'Unsaved edits from a closed tab' });
  }

  /** The body's selection as the person left it: `[start, end]` (a caret when equal). */
  async bodySelection(): Promise<[number, number]> {
    return this.body.evaluate((box: HTMLTextAreaElement) => [box.selectionStart, box.selectionEnd]);
  }

  /** The notice of a version this tab followed while nothing was unsaved. */
  liveUpdate(): Locator {
    return this.page.getByRole('region', { name: 'Latest change' });
  }

  /** The notice of versions others saved since this browser last showed the document. */
  changedSinceSeen(): Locator {
    return this.page.getByRole('region', { name: 'Changed since you last saw it' });
  }

  /** The notice of a newer version while this tab holds unsaved edits. */
  newerVersion(): Locator {
    return this.page.getByRole('region', { name: 'Newer version' });
  }

  /** An alert of the editor that contains `text` (other alerts may be showing too). */
  alert(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  /** The notice of a merge that needed no dialog ("Show the changes", "Undo the merge"). */
  get mergedNotice(): Locator {
    return this.page.getByRole('region', { name: 'Merged changes' });
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }

  async expectSaved(): Promise<void> {
    await expect(this.status).toHaveText('Saved');
  }

  async expectUnsaved(): Promise<void> {
    await expect(this.status).toHaveText('Unsaved changes');
  }

  /** A save made offline, held until the browser is back online. */
  async expectSaveWaitingForConnection(): Promise<void> {
    await expect(this.status).toHaveText('Offline: saves when back online');
  }
}
