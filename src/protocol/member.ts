/**
 * What a signed-in person may do with a document: its `owner` (who created it) shares it;
 * an `editor` reads and writes; a `viewer` only reads.
 */
export type DocumentRole = 'owner' | 'editor' | 'viewer';

/** The roles the owner can give: the owner's own role never changes hands. */
export type MemberRole = Exclude<DocumentRole, 'owner'>;

export const memberRoles: readonly MemberRole[] = ['editor', 'viewer'];

/** One person a document is shared with (or its owner), as `GET …/members` lists them. */
export interface MemberDto {
  username: string;
  role: DocumentRole;
}

/** `GET /api/docs/{id}/members`: the owner first, then the members by name; and the asker's role. */
export interface MembersDto {
  items: MemberDto[];
  your_role: DocumentRole;
}
