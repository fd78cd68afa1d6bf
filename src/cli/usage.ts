/** `concord --help`. */
export const usage = `Usage: concord <command> [options]

Commands:
  serve        Start the Concord server: the API and, when built, the editor app
  merge-file   Three-way merge of files, compatible with git merge-file
  help         Show this help

concord serve [--port N] [--host H] [--db PATH]
  --port N     Port to listen on (env PORT; default 8080; 0 picks a free port)
  --host H     Address to bind (env HOST; default 127.0.0.1)
  --db PATH    SQLite database file (env DATABASE_URL; default ./data/concord.db;
               a file: URL is accepted)

Environment: CONCORD_STATIC_DIR names the built app to serve (default: dist/app of
this package); set it empty to serve the API only. CONCORD_LOG_LEVEL sets the request
log (default info; warn, error, debug, silent, …). CONCORD_METRICS_TOKEN is the bearer
token GET /metrics wants (without it, /metrics answers loopback only).

Once listening, serve prints one line: Concord listening on http://HOST:PORT
Then one JSON line per request (the request log).
SIGTERM or SIGINT stops it gracefully.

concord merge-file [-p|--stdout] [--diff3] [-L label]... [--granularity line|word]
                   [-q|--quiet] <current> <base> <other>
  Merges the changes from <base> to <other> into <current>, as git merge-file does; exits
  with the number of conflicts (at most 127), 129 for bad arguments, 255 for a file error.
  --granularity word also merges edits to different words of one line (prose).
  concord merge-file -h lists every option.
`;
