import { Hono } from 'hono';
import type { Context } from 'hono';
import { memberRoles } from '../../../protocol/member.ts';
import type { MemberDto, MemberRole, MembersDto } from '../../../protocol/member.ts';
import { toUsernameKey } from '../../store/account-store.ts';
import type { AuthOptions } from '../../auth/auth-options.ts';
import { answerMethodNotAllowed } from '../answer-method-not-allowed.ts';
import { createForbiddenProblem } from '../../auth/authenticate.ts';
import { createDocumentNotFound, idPattern } from './create-document-routes.ts';
import { createJsonResponse } from '../create-json-response.ts';
import { createNotFoundProblem } from '../create-not-found-problem.ts';
import { readGrantedAccess } from '../../auth/guard-document-access.ts';
import type { GrantedAccess } from '../../auth/guard-document-access.ts';
import { createInvalidBodyProblem } from '../read-document-input.ts';
import { readJsonFields } from '../read-json-fields.ts';
import type { DocumentStore } from '../../store/store.ts';
import { describeOperation } from '../openapi/describe-operation.ts';
import type { OpenApiParameter } from '../openapi/openapi-parts.ts';
import {
  idParameter,
  internalError,
  json,
  noCache,
  problemResponse,
  rateLimited,
} from '../openapi/openapi-parts.ts';
import { refSchema } from '../openapi/openapi-schemas.ts';

/** What the sharing routes need from `createApp`. */
export interface MemberRouteDeps {
  store: DocumentStore;
  auth: AuthOptions;
}

// What the member operations answer alike.
const usernameParameter: OpenApiParameter = {
  name: 'username',
  in: 'path',
  required: true,
  description: 'An account name (compared case-insensitively).',
  schema: { type: 'string' },
};
const memberNotFound = problemResponse(
  'No such document, or one not shared with you (answered alike); no such account; or ' +
    '(DELETE) no such member.',
  refSchema('NotFoundProblem'),
);
const memberForbidden = problemResponse(
  'Not the owner (only the owner changes members); a document from before accounts (no ' +
    "owner); no accounts (CONCORD_AUTH=off); or another site's page.",
  { anyOf: [refSchema('ForbiddenProblem'), refSchema('ForbiddenOriginProblem')] },
);
const ownerRole = problemResponse(
  "The owner's own role (it cannot change); or a body without a valid role.",
  refSchema('InvalidRequestProblem'),
);

/**
 * Sharing, behind `guardDocumentAccess` (which answers 404 to anyone without access):
 *
 * - `GET /api/docs/{id}/members`: `{ items: [{ username, role }], your_role }`, the owner first;
 * - `PUT /api/docs/{id}/members/{username}` `{ role: "viewer" | "editor" }`: 201 when newly
 *   shared, 200 when the role changed (or already was that);
 * - `DELETE /api/docs/{id}/members/{username}`: 204.
 *
 * Only the owner changes members (403 `forbidden` otherwise); the owner's own role cannot be
 * given (400); an account that does not exist, 404. Without accounts there is no one to share
 * with: the list is empty and changes answer 403.
 */
export function createMemberRoutes({ store, auth }: MemberRouteDeps): Hono {
  const routes = new Hono();

  routes.get('/:id/members', async (c) => {
    const id = c.req.param('id');
    const found = readGrantedAccess(c);
    if (!found) {
      await findAnyDocument(store, id);
      return sendMembers({ items: [], your_role: 'editor' });
    }
    const members = await store.members.listMembers(id);
    const owner: MemberDto[] =
      found.owner === null ? [] : [{ username: found.owner, role: 'owner' }];
    // `guardDocumentAccess` let only readers through, so the role is one.
    const yourRole = found.access === 'none' ? 'viewer' : found.access;
    return sendMembers({ items: [...owner, ...members], your_role: yourRole });
  });
  describeOperation(routes, {
    operationId: 'listMembers',
    summary: 'Who the document is shared with, and your role.',
    description: 'Without accounts (CONCORD_AUTH=off): no one, and `your_role` editor.',
    parameters: [idParameter],
    responses: {
      '200': {
        description: 'The owner and members.',
        headers: { 'Cache-Control': noCache },
        content: json(refSchema('MemberList')),
      },
      '404': memberNotFound,
      '429': rateLimited,
      default: internalError,
    },
  });
  routes.all('/:id/members', answerMethodNotAllowed(['GET', 'HEAD']));

  routes.put('/:id/members/:username', async (c) => {
    const id = c.req.param('id');
    const found = requireOwner(c, auth);
    const { role } = await readJsonFields(c, {
      role: (value) =>
        value === undefined || !(memberRoles as readonly string[]).includes(value)
          ? `must be one of ${memberRoles.map((r) => `"${r}"`).join(', ')}`
          : undefined,
    });
    const username = await findSharee(c, store, auth, found);
    const outcome = await store.members.setMember(id, { username, role: role as MemberRole });
    if (outcome === 'notFound') throw createDocumentNotFound(id);
    const body: MemberDto = { username, role: role as MemberRole };
    if (outcome !== 'created') return createJsonResponse(body, 200);
    return createJsonResponse(body, 201, {
      Location: `/api/docs/${id}/members/${encodeURIComponent(username)}`,
    });
  });
  describeOperation(routes, {
    operationId: 'setMember',
    summary: 'Share the document with an account as viewer or editor (the owner only).',
    parameters: [idParameter, usernameParameter],
    requestBody: { required: true, content: json(refSchema('MemberInput')) },
    responses: {
      '200': {
        description: 'Their role changed (or already was this one).',
        content: json(refSchema('Member')),
      },
      '201': {
        description: 'Newly shared with them.',
        headers: {
          Location: {
            description: 'This member.',
            required: true,
            schema: { type: 'string' },
          },
        },
        content: json(refSchema('Member')),
      },
      '400': ownerRole,
      '403': memberForbidden,
      '404': memberNotFound,
      '415': problemResponse('Not application/json.', refSchema('UnsupportedMediaTypeProblem')),
      '429': rateLimited,
      default: internalError,
    },
  });

  routes.delete('/:id/members/:username', async (c) => {
    const id = c.req.param('id');
    const found = requireOwner(c, auth);
    const username = c.req.param('username');
    refuseOwner(found, username);
    if (!(await store.members.removeMember(id, username))) {
      throw createNotFoundProblem(`${username} is not a member of this document.`);
    }
    return c.body(null, 204);
  });
  describeOperation(routes, {
    operationId: 'removeMember',
    summary: 'Stop sharing the document with an account (the owner only).',
    parameters: [idParameter, usernameParameter],
    responses: {
      '204': { description: 'No longer shared with them.' },
      '400': ownerRole,
      '403': memberForbidden,
      '404': memberNotFound,
      '429': rateLimited,
      default: internalError,
    },
  });
  routes.all('/:id/members/:username', answerMethodNotAllowed(['PUT', 'DELETE']));

  return routes;
}

function sendMembers(members: MembersDto): Response {
  return createJsonResponse(members, 200, { 'Cache-Control': 'no-cache' });
}

/** The guard's findings when the asker owns the document; else the 403 to answer. */
function requireOwner(c: Context, auth: AuthOptions): GrantedAccess {
  const found = readGrantedAccess(c);
  if (!found || auth.mode === 'off') {
    throw createForbiddenProblem(
      'Sharing needs accounts: this server runs without them (CONCORD_AUTH=off), so everyone ' +
        'may already read and change every document.',
    );
  }
  if (found.owner === null) {
    throw createForbiddenProblem(
      'This document was created before accounts existed and has no owner: everyone signed ' +
        'in may change it, and no one can share it.',
    );
  }
  if (found.access !== 'owner') {
    throw createForbiddenProblem(
      `Only ${found.owner}, who owns this document, may change who it is shared with.`,
    );
  }
  return found;
}

/** 400 when `username` names the owner, whose role never changes. */
function refuseOwner(found: GrantedAccess, username: string): void {
  if (found.owner !== null && toUsernameKey(found.owner) === toUsernameKey(username)) {
    throw createInvalidBodyProblem([
      {
        name: 'username',
        reason: `is ${found.owner}, who owns this document: the owner's role cannot be changed`,
      },
    ]);
  }
}

/**
 * The account to share with, as it spells its name; 404 when there is none. With single
 * sign-on (`proxy` mode) people are known only by the proxy, so any name is taken as given.
 */
async function findSharee(
  c: Context,
  store: DocumentStore,
  auth: AuthOptions,
  found: GrantedAccess,
): Promise<string> {
  const username = c.req.param('username') ?? '';
  refuseOwner(found, username);
  if (auth.mode === 'proxy') return username;
  const user = await store.accounts.findUser(username);
  if (!user) throw createNotFoundProblem(`There is no account named ${JSON.stringify(username)}.`);
  return user.username;
}

/** Without accounts: 404 unless document `id` exists (live or in the trash). */
async function findAnyDocument(store: DocumentStore, id: string): Promise<void> {
  const known =
    idPattern.test(id) && ((await store.getDocument(id)) ?? (await store.findInTrash(id)));
  if (!known) throw createDocumentNotFound(id);
}
