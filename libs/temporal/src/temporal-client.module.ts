import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { TemporalConfig } from './temporal.config';
import { careloopDataConverter } from './payload-codec';

export const TEMPORAL_CONFIG = Symbol('TEMPORAL_CONFIG');

/**
 * gRPC backs off up to 2 minutes between reconnects by default, so after a
 * Temporal restart the API could keep answering 503 long after the server is
 * back. Capped at 3 s (test/faults/temporal-restart.spec.ts).
 */
const RECONNECT_CHANNEL_ARGS = { 'grpc.initial_reconnect_backoff_ms': 500, 'grpc.max_reconnect_backoff_ms': 3_000 };

/**
 * Holds the API's Temporal client. The connection is lazy: the API starts
 * and answers `/health/ready` (with Temporal marked down) even while the
 * Temporal service is unreachable, and connects on first use.
 */
@Injectable()
export class TemporalClientService implements OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;

  constructor(@Inject(TEMPORAL_CONFIG) readonly config: TemporalConfig) {
    this.connection = Connection.lazy({ address: config.address, tls: config.tls ? {} : undefined, channelArgs: RECONNECT_CHANNEL_ARGS });
    this.client = new Client({ connection: this.connection, namespace: config.namespace, dataConverter: careloopDataConverter(config.payloadKeys) });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

@Module({})
export class TemporalClientModule {
  static forRoot(config: TemporalConfig): DynamicModule {
    return {
      module: TemporalClientModule,
      providers: [{ provide: TEMPORAL_CONFIG, useValue: config }, TemporalClientService],
      exports: [TemporalClientService, TEMPORAL_CONFIG],
    };
  }
}
