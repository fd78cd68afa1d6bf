import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MemberRole } from '../../protocol/index.ts';
import { useConcordClient } from './client-context.ts';
import { docKeys } from './doc-keys.ts';
import { shouldRetryRead } from './should-retry-read.ts';

/** Query keys of a document's members, beside its detail. */
export const memberKeys = {
  list: (id: string) => [...docKeys.detail(id), 'members'] as const,
};

/** Who document `id` is shared with, and the signed-in person's role in it. */
export function useMembers(id: string) {
  const client = useConcordClient();
  return useQuery({
    queryKey: memberKeys.list(id),
    queryFn: ({ signal }) => client.listMembers(id, signal),
    retry: shouldRetryRead,
  });
}

/** Shares document `id` with someone as viewer or editor (or changes their role). */
export function useSetMember(id: string) {
  const client = useConcordClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, role }: { username: string; role: MemberRole }) =>
      client.setMember(id, username, role),
    onSettled: () => queryClient.invalidateQueries({ queryKey: memberKeys.list(id) }),
  });
}

/** Stops sharing document `id` with someone. */
export function useRemoveMember(id: string) {
  const client = useConcordClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (username: string) => client.removeMember(id, username),
    onSettled: () => queryClient.invalidateQueries({ queryKey: memberKeys.list(id) }),
  });
}
