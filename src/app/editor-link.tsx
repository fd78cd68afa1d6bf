import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

// The router marks a link to the current page (`aria-current="page"`), and by default also a
// link to a page above it: from the History at /docs/{id}/history, the editor is not the page.
const exactly = { exact: true };

/** A link to the editor of document `id`, "Open the editor" unless `children` say otherwise. */
export function EditorLink({
  id,
  children = 'Open the editor',
}: {
  id: string;
  children?: ReactNode;
}) {
  return (
    <Link to="/docs/$id" params={{ id }} activeOptions={exactly}>
      {children}
    </Link>
  );
}
