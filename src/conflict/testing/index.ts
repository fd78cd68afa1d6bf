export { ConflictDialogPage } from './conflict-dialog-page.ts';
export { expect, test, type PeopleFixtures } from './people-fixtures.ts';
export { saveNewerVersion, type SaveNewerVersionOptions } from './save-newer-version.ts';
