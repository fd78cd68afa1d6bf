import type { ErrorComponentProps } from '@tanstack/react-router';

/**
 * What a page shows in place of itself when rendering it threw (every route's error component):
 * what happened, that nothing typed is lost, and a reload. The edits are safe because the editor
 * writes each keystroke to this tab's draft from its change handler, before the render that may
 * throw (decision 20), and leaving the editor — which the error does — writes any draft still
 * waiting; after the reload the editor starts from it ("Restored your unsaved edits…"), and
 * another tab offers it once this one is closed.
 */
export function AppErrorPage({ error }: ErrorComponentProps) {
  return (
    <section role="alert" aria-labelledby="app-error-heading" className="app-error">
      <h1 id="app-error-heading">Something went wrong</h1>
      <p>
        Concord ran into an error and cannot show this page. Your unsaved edits are kept in this
        browser: reload the page, and the editor offers them again.
      </p>
      <p className="page-actions">
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          Reload
        </button>
        {/* A full load, not the router's: the app's state is what failed. */}
        <a href="/">Back to your documents</a>
      </p>
      <details>
        <summary>Details for a bug report</summary>
        <pre className="app-error__details">{describeThrown(error)}</pre>
      </details>
    </section>
  );
}

function describeThrown(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
