import type { Person } from './fixtures.ts';

/** An edit of one passage: replace the first `search` with `replacement`; or a new title. */
export type Edit = [search: string, replacement: string] | { title: string };

async function applyEdits(person: Person, edits: Edit[]): Promise<void> {
  for (const edit of edits) {
    if (Array.isArray(edit)) await person.editor.replaceInBody(...edit);
    else await person.editor.title.fill(edit.title);
  }
}

/**
 * The start of most conflict stories: Alice and Bob open the same document, Bob starts editing,
 * and Alice edits and saves first — so Bob's next save meets a newer version.
 */
export async function aliceSavesFirst(
  { alice, bob }: { alice: Person; bob: Person },
  docId: string,
  edits: { bob: Edit[]; alice: Edit[] },
): Promise<void> {
  await alice.editor.open(docId);
  await bob.editor.open(docId);
  await applyEdits(bob, edits.bob);
  await applyEdits(alice, edits.alice);
  await alice.editor.save();
  await alice.editor.expectSaved();
}

/**
 * Where "Restore my edits" stories start: the person saves, meets the conflict, and takes
 * theirs, so their own edits are set aside (the dialog is closed after).
 */
export async function saveAndTakeTheirs(person: Person): Promise<void> {
  await person.editor.save();
  await person.editor.dialog.expectOpen();
  await person.editor.dialog.takeTheirs();
  await person.editor.dialog.expectClosed();
}
