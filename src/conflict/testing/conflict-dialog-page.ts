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

  /** Cancel (or Escape): the dialog closes and every edit stays in the editor. */
  async cancel(): Promise<void> {
    await this.button(this.labels.cancel).click();
  }

  /** "All mine": every open conflict takes mine. */
  async allMine(): Promise<void> {
    await this.clickToolbar(this.labels.allMine);
  }

  /** "All theirs": every open conflict takes theirs. */
  async allTheirs(): Promise<void> {
    await this.clickToolbar(this.labels.allTheirs);
  }

  /** "Resolve simple ones": conflicts where one side only changed white space, or both agree. */
  async resolveSimple(): Promise<void> {
    await this.clickToolbar(this.labels.resolveSimple);
  }

  async undo(): Promise<void> {
    await this.clickToolbar(this.labels.undo);
  }

  async redo(): Promise<void> {
    await this.clickToolbar(this.labels.redo);
  }

  /** "Use my title" / "Use their title" in the title conflict. */
  async useMyTitle(): Promise<void> {
    await this.choiceButton(0, this.labels.useMyTitle).click();
  }

  async useTheirTitle(): Promise<void> {
    await this.choiceButton(0, this.labels.useTheirTitle).click();
  }

  /** The merged result's text as it would be saved (opening it first when it is folded away). */
  async readMerged(): Promise<string> {
    await this.showMergedResult();
    return this.mergedResult.inputValue();
  }

  /** Replaces the merged result with `text`, as a person typing it would. */
  async editMerged(text: string): Promise<void> {
    await this.showMergedResult();
    await this.mergedResult.fill(text);
  }

  /** Opens the merged result when a long document shows it only on request. */
  async showMergedResult(): Promise<void> {
    const show = this.root.getByRole('button', { name: /^Show and edit the merged result/ });
    if (await show.isVisible()) await show.click();
    await expect(this.mergedResult).toBeVisible();
  }

  /** The group of merged change `n` (from 1): a place both changed that merged by itself. */
  review(n: number): Locator {
    const marker = 987654321;
    const pattern = escapeRegExp(this.labels.mergedChangeOf(n, marker)).replace(
      String(marker),
      '\\d+',
    );
    return this.root.getByRole('group', { name: new RegExp(`^${pattern}$`) });
  }

  /** The dialog shows `message` as the reason the last save of the resolution failed. */
  async expectError(message: string | RegExp): Promise<void> {
    await expect(this.root.getByRole('alert').filter({ hasText: message })).toBeVisible();
  }

  /** A save of the resolution is under way: the dialog's actions wait for it. */
  async expectBusy(): Promise<void> {
    await expect(this.button(this.labels.saveMerged)).toBeDisabled();
    await expect(this.button(this.labels.cancel)).toBeDisabled();
  }

  /** The merged result still holds a conflict marker on `line`, so it cannot be saved. */
  async expectMarkerLeft(line: number): Promise<void> {
    await expect(this.root.getByText(this.labels.markerLeft(line))).toBeVisible();
    await expect(this.button(this.labels.saveMerged)).toBeDisabled();
  }

  button(name: string): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }

  /**
   * Clicks a toolbar button ("All mine", "Undo", …). On a small screen the toolbar hides behind
   * "More actions", which this opens first.
   */
  private async clickToolbar(name: string): Promise<void> {
    const target = this.button(name);
    const more = this.button(this.labels.moreActions);
    await expect(this.root).toBeVisible();
    if (!(await target.isVisible()) && (await more.isVisible())) {
      if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
    }
    await target.click();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
