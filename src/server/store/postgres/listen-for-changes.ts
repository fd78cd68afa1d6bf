import pg from 'pg';
import type { ChangeEvent } from '../../events/change-feed.ts';
import type { ChangeHub } from '../../events/change-hub.ts';

/** How long to wait before listening again after the connection dropped, in milliseconds. */
const reconnectDelayMs = 1_000;

/** A running `LISTEN`; `close()` ends it. */
export interface ChangeListening {
  close(): Promise<void>;
}

/**
 * Relays every notification on `channel` to `hub`, from a connection of its own (a pooled one
 * would be handed to other queries). Resolves once `LISTEN` is in place, so a write made after
 * that is heard. When the connection drops it listens again, then publishes a `resync`: the
 * writes made in between were not heard, so every subscriber must catch up from the database.
 */
export async function listenForChanges(
  config: pg.ClientConfig,
  channel: string,
  hub: Pick<ChangeHub, 'publish'>,
): Promise<ChangeListening> {
  let closed = false;
  /** Whether a connection ever listened: any later one follows a gap. */
  let connected = false;
  let client: pg.Client | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client(config);
    next.on('notification', (message) => {
      if (message.channel !== channel || !message.payload) return;
      hub.publish(JSON.parse(message.payload) as ChangeEvent);
    });
    const onLost = (reason: string) => {
      // Only a connection that is listening is lost; a failed attempt rejects instead.
      if (closed || client !== next) return;
      console.error(`concord: lost the PostgreSQL change listener (${reason}); retrying`);
      void next.end().catch(() => undefined);
      scheduleReconnect();
    };
    next.on('error', (error) => onLost(error.message));
    // A server that closes the connection cleanly (a restart, say) sends no error.
    next.on('end', () => onLost('the connection ended'));
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      void next.end().catch(() => undefined);
      throw error;
    }
    if (closed) return void next.end().catch(() => undefined);
    client = next;
    // Heard from now on; what came before this connection may have been missed.
    if (connected) hub.publish({ type: 'resync' });
    connected = true;
  };

  const scheduleReconnect = () => {
    client = undefined;
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
