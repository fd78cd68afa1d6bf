import pg from 'pg';
import type { ChangeEvent } from './change-feed.ts';
import type { ChangeHub } from './change-hub.ts';

/** How long to wait before listening again after the connection dropped, in milliseconds. */
const reconnectDelayMs = 1_000;

/** A running `LISTEN`; `close()` ends it. */
export interface ChangeListening {
  close(): Promise<void>;
}

/**
 * Relays every notification on `channel` to `hub`, from a connection of its own (a pooled one
 * would be handed to other queries). Resolves once `LISTEN` is in place, so a write made after
 * that is heard. When the connection drops it listens again; writes made in between are not
 * relayed (clients catch up on their next load or save).
 */
export async function listenForChanges(
  config: pg.ClientConfig,
  channel: string,
  hub: ChangeHub,
): Promise<ChangeListening> {
  let closed = false;
  let client: pg.Client | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client(config);
    next.on('notification', (message) => {
      if (message.channel !== channel || !message.payload) return;
      hub.publish(JSON.parse(message.payload) as ChangeEvent);
    });
    next.on('error', (error) => {
      if (closed) return;
      console.error(`concord: lost the PostgreSQL change listener (${error.message}); retrying`);
      void next.end().catch(() => undefined);
      scheduleReconnect();
    });
    await next.connect();
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = next;
  };

  const scheduleReconnect = () => {
    client = undefined;
    // A failed connect may also emit 'error': keep to one pending attempt.
    if (closed || retry !== undefined) return;
    retry = setTimeout(() => {
      retry = undefined;
      if (!closed) connect().catch(scheduleReconnect);
    }, reconnectDelayMs);
    retry.unref();
  };

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
