import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Settings for the operations whose path matches `pathRegex`. */
export interface OperationSettings {
  readonly pathRegex: string;
  /** Parameters pinned to a value (e.g. the id of a real case, so requests reach the handler). */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Checks switched off for these operations (each needs a reason where it is configured). */
  readonly disabledChecks?: readonly string[];
}

export interface FuzzRun {
  readonly exitCode: number | null;
  /** Everything schemathesis printed (its failure report names each operation and check). */
  readonly output: string;
  /** How many responses came back with each status code, over the whole run. */
  readonly statuses: Readonly<Record<string, number>>;
  /** Operations that were tested (`METHOD /path`). */
  readonly operations: readonly string[];
}

export interface FuzzOptions {
  readonly executable: string;
  readonly baseUrl: string;
  /** Credentials per security scheme of the document (components.securitySchemes). */
  readonly bearerToken: string;
  readonly apiKey: string;
  readonly operations: readonly OperationSettings[];
  /** Project-wide settings of individual checks (all built-in checks run), e.g. expected statuses. */
  readonly checkSettings: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly phases: readonly string[];
  readonly maxExamples: number;
  /** Deadline of the whole run: past it schemathesis is killed and the run fails (exitCode null). */
  readonly timeoutMs: number;
}

const toml = (value: string) => JSON.stringify(value);

/**
 * One `schemathesis run` against the live API's /openapi.json, from a config
 * file (credentials per security scheme, pinned path parameters), with
 * deterministic generation and no state kept between runs, so the same code
 * fuzzes the same way every time. Spawned asynchronously: the API under
 * test runs in this very process and must keep answering.
 */
export async function runSchemathesis(opts: FuzzOptions): Promise<FuzzRun> {
  const dir = mkdtempSync(join(tmpdir(), 'careloop-fuzz-'));
  const config = [
    // No state carried between runs (a crash cache replays earlier failures first): every run is the same run.
    `[cache]`,
    `enabled = false`,
    ...Object.entries(opts.checkSettings).flatMap(([check, settings]) => [
      `[checks.${check}]`,
      ...Object.entries(settings).map(([key, value]) => `${key} = ${JSON.stringify(value)}`),
    ]),
    `[auth.openapi.bearer]`,
    `bearer = ${toml(opts.bearerToken)}`,
    `[auth.openapi.integration-key]`,
    `api_key = ${toml(opts.apiKey)}`,
    ...opts.operations.flatMap((o) => [
      `[[operations]]`,
      `include-path-regex = ${toml(o.pathRegex)}`,
      ...(o.parameters ? [`parameters = { ${Object.entries(o.parameters).map(([k, v]) => `${toml(k)} = ${toml(v)}`).join(', ')} }`] : []),
      ...(o.disabledChecks ?? []).map((c) => `checks.${c}.enabled = false`),
    ]),
  ].join('\n');
  const configFile = join(dir, 'schemathesis.toml');
  writeFileSync(configFile, `${config}\n`);
  const ndjson = join(dir, 'events.ndjson');
  const args = [
    '--config-file', configFile,
    'run', `${opts.baseUrl}/openapi.json`,
    '--url', opts.baseUrl,
    '--phases', opts.phases.join(','),
    '--max-examples', String(opts.maxExamples),
    // Deterministic generation (no seed, no example database): the same document fuzzes the same way every run.
    '--generation-deterministic',
    '--workers', '1',
    '--request-timeout', '10',
    '--no-color',
    '--report', 'ndjson',
    '--report-ndjson-path', ndjson,
  ];
  const { exitCode, output } = await new Promise<{ exitCode: number | null; output: string }>((resolve, reject) => {
    const child = spawn(opts.executable, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      out += `\n[killed: the run passed its ${opts.timeoutMs / 1000} s deadline]\n`;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code, output: out });
    });
  });
  return { exitCode, output, ...summarize(ndjson) };
}

/** Status counts and tested operations from the NDJSON event stream (one JSON event per line). */
function summarize(ndjsonPath: string): { statuses: Record<string, number>; operations: string[] } {
  const statuses: Record<string, number> = {};
  const operations = new Set<string>();
  let text = '';
  try {
    text = readFileSync(ndjsonPath, 'utf8');
  } catch {
    return { statuses, operations: [] };
  }
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') {
      return;
    }
    const obj = node as Record<string, unknown>;
    const response = obj['response'] as { status_code?: unknown } | undefined;
    if (response && typeof response.status_code === 'number') {
      statuses[String(response.status_code)] = (statuses[String(response.status_code)] ?? 0) + 1;
    }
    if (typeof obj['label'] === 'string' && /^[A-Z]+ \/\S*$/.test(obj['label'])) {
      operations.add(obj['label']);
    }
    for (const value of Object.values(obj)) {
      visit(value);
    }
  };
  for (const line of text.split('\n')) {
    if (line.trim()) {
      // A run killed at its deadline can leave its last line cut off: count what was written whole
      // (the run's output then says it was killed, and the test reports that).
      let event: unknown;
      try {
        event = JSON.parse(line);
      } catch {
        continue;
      }
      visit(event);
    }
  }
  return { statuses, operations: [...operations].sort() };
}
