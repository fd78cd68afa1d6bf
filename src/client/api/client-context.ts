import { createContext, useContext } from 'react';
import type { ConcordClient } from './concord-client.ts';

export const ConcordClientContext = createContext<ConcordClient | null>(null);

/** The Concord client of the nearest provider. */
export function useConcordClient(): ConcordClient {
  const client = useContext(ConcordClientContext);
  if (!client) throw new Error('useConcordClient needs a <ConcordClientContext.Provider> above it');
  return client;
}
