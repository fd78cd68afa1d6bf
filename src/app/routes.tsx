import { createRootRoute, createRoute, createRouter, useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { AppErrorPage } from './app-error-page.tsx';
import { AppLayout, NotFoundPage } from './app.tsx';
import { CreateDocumentPage } from './create-document-page.tsx';
import type { DeletedNotice } from './delete-document-button.tsx';
import { DocumentListPage } from './document-list-page.tsx';
import { EditorPage } from './editor-page.tsx';
import { readHistoryParams } from './history-params.ts';
import { HistoryPage } from './history-page.tsx';
import { parseSearch, stringifySearch } from './search-params.ts';
import { readSignInSearch, signInPath } from './sign-in-target.ts';
import { TrashPage } from './trash-page.tsx';

// The app's pages, declared in code (no generated route tree): each path, its params and the
// query it accepts, checked by TypeScript wherever a link or navigation names them.
const rootRoute = createRootRoute({ component: AppLayout, notFoundComponent: NotFoundPage });

const listRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: DocumentListPage,
});

const createDocumentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/new',
  component: CreateDocumentPage,
});

const trashRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/trash',
  component: TrashPage,
});

// Signed out, every path shows the sign-in form (AppLayout); signed in, this page only leaves.
const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: signInPath,
  validateSearch: readSignInSearch,
  component: function SignedInAlready() {
    const { next } = signInRoute.useSearch();
    const navigate = useNavigate();
    useEffect(() => void navigate({ href: next ?? '/' }), [navigate, next]);
    return null;
  },
});

// Keyed by the id: another document is another editor, with its own state from the start.
const editorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/docs/$id',
  component: function EditorRoute() {
    const { id } = editorRoute.useParams();
    return <EditorPage key={id} id={id} />;
  },
});

const historyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/docs/$id/history',
  validateSearch: readHistoryParams,
  component: function HistoryRoute() {
    const { id } = historyRoute.useParams();
    return <HistoryPage key={id} id={id} />;
  },
});

const routeTree = rootRoute.addChildren([
  listRoute,
  createDocumentRoute,
  trashRoute,
  signInRoute,
  editorRoute,
  historyRoute,
]);

/**
 * The app's router. Paths match as written (`/New` is not `/new`); a new page starts at the
 * top and Back returns to where the page was scrolled.
 *
 * @example <RouterProvider router={createAppRouter()} />
 */
export function createAppRouter() {
  return createRouter({
    routeTree,
    parseSearch,
    stringifySearch,
    caseSensitive: true,
    scrollRestoration: true,
    // A page that throws while rendering shows this instead, under the header; the edits stay.
    defaultErrorComponent: AppErrorPage,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
  // What a navigation may leave in its history entry for the page it opens (Back keeps it).
  interface HistoryState {
    deleted?: DeletedNotice['deleted'];
  }
}
