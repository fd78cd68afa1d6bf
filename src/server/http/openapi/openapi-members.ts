import { refSchema } from './openapi-schemas.ts';
import type { JsonSchema } from './openapi-schemas.ts';

// The sharing part of the OpenAPI description (issue 13 item 2): who a document is shared with.

const username: JsonSchema = { type: 'string', minLength: 1 };

/** The schemas the member routes' operations refer to, merged into `components.schemas`. */
export const memberSchemas: Record<string, JsonSchema> = {
  Member: {
    type: 'object',
    additionalProperties: false,
    required: ['username', 'role'],
    properties: { username, role: { enum: ['owner', 'editor', 'viewer'] } },
  },
  MemberList: {
    type: 'object',
    additionalProperties: false,
    required: ['items', 'your_role'],
    properties: {
      items: {
        type: 'array',
        description: 'The owner first (none for a document from before accounts), then members.',
        items: refSchema('Member'),
      },
      your_role: { enum: ['owner', 'editor', 'viewer'] },
    },
  },
  MemberInput: {
    type: 'object',
    required: ['role'],
    properties: { role: { enum: ['editor', 'viewer'] } },
  },
};
