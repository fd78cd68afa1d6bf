import { expect, type Locator, type Page } from '@playwright/test';
import { defaultLabels, type ConflictLabels } from '../labels.ts';

/**
 * A Playwright page object for the Concord conflict dialog, finding everything by role and
 * accessible name (design.md's UI contract). Pass the same `labels` the app passes the dialog.
 *
 * @example
 * const dialog = new ConflictDialogPage(page);
 * await dialog.expectOpen();
 * await dialog.useMine(1);
 * await dialog.saveMerged();
 */
export class ConflictDialogPage {
  readonly labels: ConflictLabels;
  readonly root: Locator;
  readonly mergedResult: Locator;
  /** The alertdialog Keep mine opens when theirs holds changes mine lacks. */
  readonly discardDialog: Locator;

  constructor(
    readonly page: Page,
    labels: Partial<ConflictLabels> = {},
  ) {
    this.labels = { ...defaultLabels, ...labels };
    this.root = page.getByRole('dialog', { name: this.labels.dialog });
    this.mergedResult = this.root.getByRole('textbox', { name: this.labels.mergedResult });
    this.discardDialog = page.getByRole('alertdialog', { name: this.labels.discardTitle });
  }

  /** The group of conflict `n` (from 1). */
  conflict(n: number): Locator {
    // The total is not known here: match any "of M".
    const marker = 987654321;
    const pattern = escapeRegExp(this.labels.conflictOf(n, marker)).replace(String(marker), '\\d+');
    return this.root.getByRole('group', { name: new RegExp(`^${pattern}$`) });
  }

  async expectOpen(): Promise<void> {
    await expect(this.root).toBeVisible();
  }

  async expectClosed(): Promise<void> {
    await expect(this.root).toBeHidden();
  }

  async expectConflictsLeft(n: number): Promise<void> {
    await expect(this.root.getByText(this.labels.conflictsLeft(n), { exact: true })).toBeVisible();
  }

  async useMine(n: number): Promise<void> {
    await this.conflict(n).getByRole('button', { name: this.labels.useMine, exact: true }).click();
  }

  async useTheirs(n: number): Promise<void> {
    await this.conflict(n)
      .getByRole('button', { name: this.labels.useTheirs, exact: true })
      .click();
  }

  async useBoth(n: number): Promise<void> {
    await this.conflict(n).getByRole('button', { name: this.labels.useBoth, exact: true }).click();
  }

  async nextConflict(): Promise<void> {
    await this.button(this.labels.nextConflict).click();
  }

  async previousConflict(): Promise<void> {
    await this.button(this.labels.previousConflict).click();
  }

  async keepMine(): Promise<void> {
    await this.button(this.labels.keepMine).click();
  }

  /** In "Discard their changes?": save mine anyway. */
  async discardTheirChanges(): Promise<void> {
    await this.discardDialog
      .getByRole('button', { name: this.labels.discard, exact: true })
      .click();
  }

  /** In "Discard their changes?": back to the conflict dialog. */
  async goBack(): Promise<void> {
    await this.discardDialog.getByRole('button', { name: this.labels.goBack, exact: true }).click();
  }

  async takeTheirs(): Promise<void> {
    await this.button(this.labels.takeTheirs).click();
  }

  async saveMerged(): Promise<void> {
    await this.button(this.labels.saveMerged).click();
  }

  button(name: string): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
