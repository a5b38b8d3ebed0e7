import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The sample request bodies of docs/samples/, which the docs show and the e2e tests send: they cannot drift apart. */
export function sample(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'docs', 'samples', `${name}.json`), 'utf8')) as Record<string, unknown>;
}
