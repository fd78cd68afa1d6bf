/** `concord --help`. */
export const usage = `Usage: concord <command> [options]

Commands:
  serve        Start the Concord server: the API and, when built, the editor app
  merge-file   Three-way merge of files (when this build includes it)
  help         Show this help

concord serve [--port N] [--host H] [--db PATH]
  --port N     Port to listen on (env PORT; default 8080; 0 picks a free port)
  --host H     Address to bind (env HOST; default 127.0.0.1)
  --db PATH    SQLite database file (env DATABASE_URL; default ./data/concord.db;
               a file: URL is accepted)

Environment: CONCORD_STATIC_DIR names the built app to serve (default: dist/app of
this package); set it empty to serve the API only.

Once listening, serve prints one line: Concord listening on http://HOST:PORT
SIGTERM or SIGINT stops it gracefully.
`;
