/** Query keys, one place: `['docs', 'list']` is the list, `['docs', 'detail', id]` one document with its ETag. */
export const docKeys = {
  all: ['docs'] as const,
  list: () => [...docKeys.all, 'list'] as const,
  detail: (id: string) => [...docKeys.all, 'detail', id] as const,
};
