import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';
import type { DocumentInput } from '../../protocol/document.ts';
import { limits } from '../../protocol/document.ts';
import { problemTypes } from '../../protocol/problem.ts';
import type { InvalidParam } from '../../protocol/problem.ts';
import { validateDocumentInput } from '../../protocol/validate-document-input.ts';
import { ProblemError } from './problem-error.ts';
import { readNodeBindings } from './read-node-bindings.ts';
import { readRequestHeader } from './read-request-header.ts';

// One decoder for every request: `decode` without `stream` starts afresh each call. `fatal`:
// JSON text is UTF-8 (RFC 8259 §8.1); refuse other bytes rather than guess.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

// application/json or any structured-syntax `+json` type (RFC 6839 §3.1).
const jsonMediaType = /^application\/(?:[\w.+-]+\+)?json$/i;

/**
 * Reads and checks the `{ title, body }` of a POST or PUT. Throws the problem to answer:
 * 415 for a body that is not JSON, 413 past `limits.maxBodyBytes`, 400 with `invalid_params`
 * for invalid UTF-8, malformed JSON or a wrong shape.
 */
export async function readDocumentInput(c: Context): Promise<DocumentInput> {
  requireJsonMediaType(c);
  // Behind @hono/node-server, read Node's request stream itself: going through `Request.body`
  // builds a full fetch Request and a web stream around it, which cost about as much CPU as
  // the rest of a save (measured with bench/server.ts). `app.request()` in tests has no env.
  const { incoming } = readNodeBindings(c);
  const bytes = incoming
    ? await readIncomingBytes(incoming, limits.maxBodyBytes)
    : await readBodyBytes(c.req.raw, limits.maxBodyBytes);
  let text: string;
  try {
    text = utf8Decoder.decode(bytes);
  } catch {
    throw createInvalidBodyProblem([{ name: '', reason: 'is not valid UTF-8' }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = `is not valid JSON (${(error as Error).message})`;
    throw createInvalidBodyProblem([{ name: '', reason }]);
  }
  const result = validateDocumentInput(value);
  if (!result.ok) throw createInvalidBodyProblem(result.invalidParams);
  return result.value;
}

/** A 400 naming each field that was wrong; `name: ''` is the request body as a whole. */
export function createInvalidBodyProblem(invalidParams: InvalidParam[]): ProblemError {
  return new ProblemError({
    type: problemTypes.invalidBody,
    title: 'Invalid request',
    status: 400,
    detail: invalidParams.map((p) => `${p.name || 'The body'} ${p.reason}.`).join(' '),
    invalid_params: invalidParams,
  });
}

function requireJsonMediaType(c: Context): void {
  const contentType = readRequestHeader(c, 'Content-Type') ?? '';
  const [mediaType = '', ...parameters] = contentType.split(';').map((part) => part.trim());
  const charset = parameters.find((p) => p.toLowerCase().startsWith('charset='));
  const utf8 = charset === undefined || /^charset="?utf-8"?$/i.test(charset);
  if (jsonMediaType.test(mediaType) && utf8) return;
  // RFC 9110 §15.5.16: say which media types would have been accepted.
  const headers: Record<string, string> =
    c.req.method === 'POST' ? { 'Accept-Post': 'application/json' } : {};
  throw new ProblemError(
    {
      type: problemTypes.unsupportedMediaType,
      title: 'Unsupported media type',
      status: 415,
      detail: `Send the document as application/json (UTF-8), not ${contentType ? `"${contentType}"` : 'without a Content-Type'}.`,
    },
    headers,
  );
}

/** Reads at most `max` bytes, refusing early on a `Content-Length` that is already too big. */
async function readBodyBytes(request: Request, max: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > max) throw createTooLargeProblem(max);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  // A chunked body has no Content-Length: count as it arrives and stop at the limit.
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw createTooLargeProblem(max);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** `readBodyBytes` on a Node request stream. */
function readIncomingBytes(incoming: IncomingMessage, max: number): Promise<Uint8Array> {
  const declared = Number(incoming.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) throw createTooLargeProblem(max);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    // Listeners stay until the request is gone; once settled they do nothing. (Named handlers
    // removed with `off` cost more per request, as tsx names each closure it makes.)
    let settled = false;
    incoming.on('data', (chunk: Buffer) => {
      if (settled) return;
      total += chunk.byteLength;
      if (total <= max) return void chunks.push(chunk);
      // Stop reading, but leave the stream open: the server drains it after answering 413.
      settled = true;
      incoming.pause();
      reject(createTooLargeProblem(max));
    });
    incoming.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, total));
    });
    incoming.on('error', (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
    incoming.on('close', () => {
      if (settled) return;
      settled = true;
      reject(new Error('the request was aborted before its body ended'));
    });
  });
}

function createTooLargeProblem(max: number): ProblemError {
  return new ProblemError({
    type: problemTypes.tooLarge,
    title: 'Request too large',
    status: 413,
    detail: `The request body is larger than ${max} bytes.`,
  });
}
