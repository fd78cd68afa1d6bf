// The entry of @concord/playwright (packages/playwright): the Playwright page object, fixtures
// and helpers for the tests of apps that embed the dialog. A package apart from @concord/react so
// that an app's bundle never pulls in @playwright/test, and a test run loads no React.
export {
  ConflictDialogPage,
  expect,
  saveNewerVersion,
  test,
  type PeopleFixtures,
  type SaveNewerVersionOptions,
} from '../conflict/testing/index.ts';
