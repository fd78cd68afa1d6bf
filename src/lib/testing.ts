// The `concord/testing` entry: Playwright page objects for the conflict dialog, for the tests of
// apps that embed it. Kept apart from the main entry so that an app's bundle never pulls in
// @playwright/test.
export {
  ConflictDialogPage,
  expect,
  saveNewerVersion,
  test,
  type PeopleFixtures,
  type SaveNewerVersionOptions,
} from '../conflict/testing/index.ts';
