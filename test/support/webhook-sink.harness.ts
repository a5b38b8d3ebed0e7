import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Delivery {
  readonly key: string;
  readonly template: string;
}

/**
 * The notification webhook the worker POSTs to, as a real HTTP server. It
 * records every delivery (a key may arrive more than once: delivery is
 * at-least-once, with the key as Idempotency-Key) and can hold the next
 * request open, so a test can act while the delivery activity is in flight.
 */
export class WebhookSink {
  readonly received: Delivery[] = [];
  private holdNext: ((d: Delivery) => void) | undefined;
  private readonly held: ServerResponse[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookSink> {
    const holder: { sink?: WebhookSink } = {};
    const server = createServer((req, res) => void holder.sink!.handle(req, res));
    const sink = (holder.sink = new WebhookSink(server));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return sink;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/notify`;
  }

  /** The next delivery is held open (never answered) and reported. */
  holdNextDelivery(): Promise<Delivery> {
    return new Promise((resolve) => (this.holdNext = resolve));
  }

  keys(): Set<string> {
    return new Set(this.received.map((d) => d.key));
  }

  async close(): Promise<void> {
    for (const res of this.held) {
      res.destroy();
    }
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) {
      body += String(chunk);
    }
    const parsed = JSON.parse(body) as { key: string; template: string };
    const delivery = { key: parsed.key, template: parsed.template };
    this.received.push(delivery);
    const hold = this.holdNext;
    if (hold) {
      this.holdNext = undefined;
      this.held.push(res);
      hold(delivery);
      return;
    }
    res.writeHead(204).end();
  }
}
