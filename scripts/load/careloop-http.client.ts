/**
 * A small HTTP client of the CareLoop API for the fault tests and the
 * benchmark: one bearer token, JSON in and out, and the latency of every
 * call recorded under the action's name (not its URL: no case ids).
 */
export interface ApiResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export class CareLoopHttpClient {
  /** Latencies in ms by action name, in call order. */
  readonly latencies = new Map<string, number[]>();

  constructor(
    readonly baseUrl: string,
    private readonly token: string,
    private readonly timeoutMs = 30_000,
  ) {}

  /** Sends one request; a refused connection or a timeout throws (the caller decides what that means). */
  async request(action: string, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
    const started = performance.now();
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await res.text();
    const list = this.latencies.get(action) ?? [];
    list.push(performance.now() - started);
    this.latencies.set(action, list);
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  /** Like request(), but anything other than the expected status throws with the problem's code and detail. */
  async expect(status: number | readonly number[], action: string, method: 'GET' | 'POST', path: string, body?: unknown, headers?: Record<string, string>): Promise<Record<string, unknown>> {
    const res = await this.request(action, method, path, body, headers);
    const wanted = typeof status === 'number' ? [status] : status;
    if (!wanted.includes(res.status)) {
      throw new Error(`${action}: HTTP ${res.status} ${String(res.body.code ?? '')} ${String(res.body.detail ?? '')}`.trim());
    }
    return res.body;
  }
}
