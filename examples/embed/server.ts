import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The example's server, as a test or a person starts it. */
export interface ExampleServer {
  url: string;
  /** The text stored now. */
  text(): string;
  close(): Promise<void>;
}

const distDir = fileURLToPath(new URL('./dist/', import.meta.url));
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * A server that is not Concord's: it stores one text at `/api/note` with an ETag and answers a
 * stale If-Match the way object stores do, `412 Precondition Failed` with no body (RFC 9110
 * §13.1.1). It also serves the built example from ./dist.
 *
 * @example
 * const server = await startExampleServer({ text: 'Hello\n' });
 * console.log(server.url); // http://127.0.0.1:PORT/
 */
export async function startExampleServer(
  options: { port?: number; text?: string } = {},
): Promise<ExampleServer> {
  let text = options.text ?? '';
  let version = 1;
  const etag = () => `"v${version}"`;

  async function answer(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== '/api/note') return serveFile(path, res);
    if (req.method === 'GET') {
      res.writeHead(200, {
        'Content-Type': 'text/plain; charset=utf-8',
        ETag: etag(),
        'Cache-Control': 'no-cache',
      });
      return res.end(text);
    }
    if (req.method !== 'PUT') return res.writeHead(405, { Allow: 'GET, PUT' }).end();
    let body = '';
    for await (const chunk of req) body += chunk;
    const ifMatch = req.headers['if-match'];
    // RFC 6585 §3: a server that insists on conditional writes says so with 428.
    if (!ifMatch) return res.writeHead(428).end();
    if (ifMatch !== '*' && ifMatch !== etag()) return res.writeHead(412).end();
    text = body;
    version += 1;
    res.writeHead(204, { ETag: etag() }).end();
  }

  const server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    text: () => text,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function serveFile(path: string, res: ServerResponse) {
  // normalize() folds any '..', so the file stays inside dist/.
  const file = join(distDir, normalize(path === '/' ? '/index.html' : path));
  try {
    const content = await readFile(file);
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(content);
  } catch {
    res.writeHead(404).end();
  }
}

// `npx tsx examples/embed/server.ts` (after `npm run build:embed`) serves it on PORT or 5180.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await startExampleServer({
    port: Number(process.env.PORT ?? 5180),
    text: 'Edit me in two tabs, save in both, and merge.\n',
  });
  console.log(`listening on ${server.url}`);
}
