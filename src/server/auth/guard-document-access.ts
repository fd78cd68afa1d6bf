import type { Context, MiddlewareHandler } from 'hono';
import type { Account } from './authenticate.ts';
import { createForbiddenProblem, readAccount } from './authenticate.ts';
import { createDocumentNotFound, idPattern } from '../http/routes/create-document-routes.ts';
import { canRead, canWrite, decideAccess } from './decide-access.ts';
import type { Access } from './decide-access.ts';
import type { MemberStore } from '../store/member-store.ts';

/** What the guard found for a request: the asker's access and the document's owner. */
export interface GrantedAccess {
  access: Access;
  owner: string | null;
}

// A context variable, as the account is (see `readAccount`).
declare module 'hono' {
  interface ContextVariableMap {
    /** What `guardDocumentAccess` found for the request. */
    'concord.access': GrantedAccess;
  }
}

/**
 * The access `guardDocumentAccess` found for this request; `undefined` without accounts
 * (`CONCORD_AUTH=off`), where everyone may do everything.
 */
export function readGrantedAccess(c: Context): GrantedAccess | undefined {
  return c.get('concord.access');
}

/**
 * Guards every route of one document (`/api/docs/{id}…`, `/api/trash/{id}/restore`) by
 * `decideAccess`: without access, **404**, worded as for a document that does not exist, so
 * that an id tells a stranger nothing; a viewer who writes (any method but GET and HEAD),
 * **403** `forbidden` naming whose document it is. The sharing routes decide their writes
 * themselves (only the owner may). Methods a route does not know pass on to its 405.
 */
export function guardDocumentAccess(members: MemberStore): MiddlewareHandler {
  return async (c, next) => {
    const account = readAccount(c);
    const method = c.req.method;
    const reads = method === 'GET' || method === 'HEAD';
    if (!account || !(reads || method === 'PUT' || method === 'DELETE' || method === 'POST')) {
      return next();
    }
    // Registered on `/api/docs/:id` and `/api/docs/:id/*`, which Hono also matches to
    // `/api/docs/{id}`: decided once per request, not once per registration.
    if (c.get('concord.access')) return next();
    const id = c.req.param('id') ?? '';
    const found = await findGrantedAccess(members, account, id);
    if (!canRead(found.access)) throw createDocumentNotFound(id);
    c.set('concord.access', found);
    const sharing = /\/members(?:\/|$)/.test(c.req.path);
    if (!reads && !sharing && !canWrite(found.access)) {
      throw createForbiddenProblem(describeReadOnly(found.owner));
    }
    return next();
  };
}

/** `account`'s access to document `id` (`none` when there is no such document). */
export async function findGrantedAccess(
  members: MemberStore,
  account: Account,
  id: string,
): Promise<GrantedAccess> {
  const facts = idPattern.test(id) ? await members.findAccess(id, account.username) : undefined;
  if (!facts) return { access: 'none', owner: null };
  return { access: decideAccess(account, facts), owner: facts.owner };
}

/** Why a viewer cannot change a document, and whom to ask. */
export function describeReadOnly(owner: string | null): string {
  const whose = owner === null ? 'This document' : `This document is ${owner}'s: it`;
  const ask = owner === null ? '' : ` Ask ${owner} to make you an editor.`;
  return `${whose} is shared with you to read, not to change.${ask}`;
}
