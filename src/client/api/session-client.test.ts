import { describe, expect, it } from 'vitest';
import { toSessionState } from './session-client.ts';

describe('toSessionState', () => {
  it('reads 200 as signed in, 401 as signed out with whether the first account is to be made', () => {
    const session = { username: 'alice', role: 'admin', auth: 'accounts' };
    expect(toSessionState(200, session)).toEqual({ status: 'signedIn', session });
    expect(toSessionState(401, { setup_required: true })).toEqual({
      status: 'signedOut',
      setupRequired: true,
    });
    expect(toSessionState(401, null)).toEqual({ status: 'signedOut', setupRequired: false });
  });

  it('leaves anything else to be shown as an error', () => {
    expect(toSessionState(500, { title: 'Internal' })).toBeUndefined();
    expect(toSessionState(200, { nothing: 'here' })).toBeUndefined();
  });
});
