import type { Draft } from './drafts.ts';

/** A draft as stored (JSON), or `undefined` for nothing or a corrupt entry. */
export function parseDraft(raw: string | null | undefined): Draft | undefined {
  if (!raw) return undefined;
  try {
    const draft = JSON.parse(raw) as Draft;
    return typeof draft.base?.etag === 'string' && typeof draft.mine?.body === 'string'
      ? draft
      : undefined;
  } catch {
    return undefined;
  }
}
