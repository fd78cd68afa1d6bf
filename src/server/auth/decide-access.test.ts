import { describe, expect, it } from 'vitest';
import { canRead, canWrite, decideAccess } from './decide-access.ts';

const alice = { username: 'alice' };
const bob = { username: 'bob' };

describe('decideAccess', () => {
  it('makes the creator the owner, whatever case or compatibility form their name is sent in', () => {
    expect(decideAccess(alice, { owner: 'alice', memberRole: undefined })).toBe('owner');
    expect(decideAccess({ username: 'ALICE' }, { owner: 'Alice', memberRole: undefined })).toBe(
      'owner',
    );
    expect(
      decideAccess({ username: 'ａｌｉｃｅ' }, { owner: 'alice', memberRole: undefined }),
    ).toBe('owner');
  });

  it('gives a member the role the owner gave them', () => {
    expect(decideAccess(bob, { owner: 'alice', memberRole: 'editor' })).toBe('editor');
    expect(decideAccess(bob, { owner: 'alice', memberRole: 'viewer' })).toBe('viewer');
  });

  it('gives anyone else no access, admins included', () => {
    expect(decideAccess(bob, { owner: 'alice', memberRole: undefined })).toBe('none');
    // decideAccess is not told the asker's account role: there is nothing an admin gets.
    expect(decideAccess({ username: 'admin' }, { owner: 'alice', memberRole: undefined })).toBe(
      'none',
    );
  });

  it('keeps a document created before accounts open to every signed-in person as editor', () => {
    expect(decideAccess(bob, { owner: null, memberRole: undefined })).toBe('editor');
    expect(decideAccess(alice, { owner: null, memberRole: 'viewer' })).toBe('editor');
  });

  it('makes everyone an editor without accounts (CONCORD_AUTH=off)', () => {
    expect(decideAccess(undefined, { owner: 'alice', memberRole: undefined })).toBe('editor');
    expect(decideAccess(undefined, { owner: null, memberRole: undefined })).toBe('editor');
  });
});

describe('canRead and canWrite', () => {
  it('let owners and editors write, viewers only read, and no access do neither', () => {
    expect([canRead('owner'), canWrite('owner')]).toEqual([true, true]);
    expect([canRead('editor'), canWrite('editor')]).toEqual([true, true]);
    expect([canRead('viewer'), canWrite('viewer')]).toEqual([true, false]);
    expect([canRead('none'), canWrite('none')]).toEqual([false, false]);
  });
});
