import { describe, expect, it } from 'vitest';
import { describeVersionMeta } from './describe-version-meta.ts';
import { formatWhen } from './format-when.ts';

const updated_at = '2026-12-03T15:55:00.000Z';
const when = formatWhen(updated_at);

describe('describeVersionMeta', () => {
  it('starts with a capital when the version was saved without a name', () => {
    expect(describeVersionMeta({ updated_by: '', updated_at, change: null })).toBe(
      `Someone · ${when} · the first version`,
    );
  });

  it('keeps the saver’s name as spelled, then when and how much changed', () => {
    expect(
      describeVersionMeta({ updated_by: 'bob', updated_at, change: { added: 209, removed: 0 } }),
    ).toBe(`bob · ${when} · 209 characters added`);
  });
});
