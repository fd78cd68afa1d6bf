import { expect, type Locator, type Page } from '@playwright/test';

/** The editor's `dialog` "Share document", by role and name (design.md's UI contract). */
export class ShareDialogPage {
  readonly shareButton: Locator;
  readonly dialog: Locator;
  readonly username: Locator;
  readonly role: Locator;
  readonly people: Locator;

  constructor(readonly page: Page) {
    this.shareButton = page.getByRole('button', { name: 'Share', exact: true });
    this.dialog = page.getByRole('dialog', { name: 'Share document' });
    this.username = this.dialog.getByRole('textbox', { name: 'Username' });
    this.role = this.dialog.getByRole('combobox', { name: 'Role' });
    this.people = this.dialog.getByRole('list', { name: 'People with access' });
  }

  async open(): Promise<void> {
    await this.shareButton.click();
    await expect(this.dialog).toBeVisible();
  }

  /** Adds `username` as `role` ("Viewer" or "Editor") and waits for them in the list. */
  async add(username: string, role: 'Viewer' | 'Editor'): Promise<void> {
    await this.fillAndAdd(username, role);
    await expect(this.person(username)).toContainText(role);
  }

  /** Types a name, picks a role and presses Add, without waiting for the outcome. */
  async fillAndAdd(username: string, role: 'Viewer' | 'Editor'): Promise<void> {
    await this.username.fill(username);
    await this.role.selectOption({ label: role });
    await this.dialog.getByRole('button', { name: 'Add' }).click();
  }

  /** The row of `username` in the list of people. */
  person(username: string): Locator {
    return this.people.getByRole('listitem').filter({ hasText: username });
  }

  async remove(username: string): Promise<void> {
    await this.person(username).getByRole('button', { name: 'Remove' }).click();
    await expect(this.person(username)).toHaveCount(0);
  }

  get alert(): Locator {
    return this.dialog.getByRole('alert');
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
