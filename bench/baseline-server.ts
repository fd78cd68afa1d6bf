// The benchmark's baseline: the same store and the same save cycle as Concord's server, on
// bare node:http with no framework, no validation, no security headers and no events. It
// bounds what the framework and the contract cost.
// Usage: tsx bench/baseline-server.ts DATABASE_URL   (prints "Baseline listening on http://…")
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openStore } from '../src/server/store/open-store.ts';

const store = await openStore(process.argv[2]);

function send(res: ServerResponse, status: number, body: unknown, etag?: string): void {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (etag) headers.ETag = etag;
  res.writeHead(status, headers).end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<{ title: string; body: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as { title: string; body: string };
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const id = /^\/api\/docs\/([^/]+)$/.exec(req.url ?? '')?.[1];
  if (req.method === 'POST' && req.url === '/api/docs') {
    const input = await readJson(req);
    const outcome = await store.createDocument({ ...input, user: '', at: new Date() });
    if (outcome.status !== 'created') return send(res, 409, outcome);
    const { etag, ...doc } = outcome.document;
    return send(res, 201, doc, etag);
  }
  if (id && req.method === 'GET') {
    const document = await store.getDocument(id);
    if (!document) return send(res, 404, {});
    const { etag, ...doc } = document;
    return send(res, 200, doc, etag);
  }
  if (id && req.method === 'PUT') {
    const input = await readJson(req);
    const user = decodeURIComponent(String(req.headers['concord-user'] ?? ''));
    const outcome = await store.saveDocument(id, {
      ...input,
      user,
      at: new Date(),
      expected: [String(req.headers['if-match'])],
    });
    if (outcome.status === 'saved' || outcome.status === 'alreadySaved') {
      const { etag, ...doc } = outcome.document;
      return send(res, 200, doc, etag);
    }
    if (outcome.status === 'conflict') {
      const { etag, ...current } = outcome.current;
      return send(res, 409, { current, current_etag: etag });
    }
    return send(res, outcome.status === 'notFound' ? 404 : 409, outcome);
  }
  send(res, 404, {});
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => send(res, 500, { detail: String(error) }));
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`Baseline listening on http://127.0.0.1:${port}\n`);
});
process.on('SIGTERM', () => server.close(() => void store.close()));
