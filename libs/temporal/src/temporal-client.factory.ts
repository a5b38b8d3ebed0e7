import { Client, Connection } from '@temporalio/client';
import type { TemporalConfig } from './temporal.config';

export interface TemporalClientBundle {
  readonly connection: Connection;
  readonly client: Client;
}

export async function connectTemporalClient(config: TemporalConfig): Promise<TemporalClientBundle> {
  const connection = await Connection.connect({ address: config.address, tls: config.tls ? {} : undefined });
  const client = new Client({ connection, namespace: config.namespace });
  return { connection, client };
}
