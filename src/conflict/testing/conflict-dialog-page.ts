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
  /** The group "Title conflict", shown when both sides renamed the document. */
  readonly titleConflict: Locator;

  constructor(
    readonly page: Page,
    labels: Partial<ConflictLabels> = {},
  ) {
    this.labels = { ...defaultLabels, ...labels };
    this.root = page.getByRole('dialog', { name: this.labels.dialog });
    this.mergedResult = this.root.getByRole('textbox', { name: this.labels.mergedResult });
    this.discardDialog = page.getByRole('alertdialog', { name: this.labels.discardTitle });
    this.titleConflict = this.root.getByRole('group', { name: this.labels.titleConflict });
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

  async useBothTheirsFirst(n: number): Promise<void> {
    await this.choiceButton(n, this.labels.useBothTheirsFirst).click();
  }

  /** The button `name` ("Use mine", …) of conflict `n`; 0 is the title conflict. */
  choiceButton(n: number, name: string): Locator {
    const group = n === 0 ? this.titleConflict : this.conflict(n);
    return group.getByRole('button', { name, exact: true });
  }

  /**
   * That conflict `n` (0: the title) shows `name` as its choice: that button pressed, the others
   * of the group not. Pass `null` for a conflict with no choice standing (open, or edited).
   */
  async expectChosen(n: number, name: string | null): Promise<void> {
    const group = n === 0 ? this.titleConflict : this.conflict(n);
    const buttons = group.getByRole('button', { pressed: true });
    if (name === null) await expect(buttons).toHaveCount(0);
    else await expect(buttons).toHaveAccessibleName(name);
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
