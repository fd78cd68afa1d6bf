import { describe, expect, it } from 'vitest';
import { describeDeletion } from './describe-deletion.ts';
import { formatWhen } from './format-when.ts';

describe('describeDeletion', () => {
  const deleted_at = '2030-01-01T10:32:00.000Z';

  it('names who deleted the document, then when', () => {
    expect(describeDeletion({ deleted_by: 'Alice', deleted_at })).toBe(
      `Deleted by Alice, ${formatWhen(deleted_at)}`,
    );
  });

  it('says only when for a document deleted without a name', () => {
    expect(describeDeletion({ deleted_by: '', deleted_at })).toBe(
      `Deleted ${formatWhen(deleted_at)}`,
    );
  });
});
