export { ConflictDialogPage } from './conflict-dialog-page.ts';
