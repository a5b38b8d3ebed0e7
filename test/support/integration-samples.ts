import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The sample payloads of docs/integrations.md. Tests load these exact files,
 * so the documented examples cannot drift from what the API accepts.
 */
export const SAMPLES_DIR = join(__dirname, '..', '..', 'docs', 'integrations', 'samples');

export function sampleText(name: string): string {
  return readFileSync(join(SAMPLES_DIR, name), 'utf8');
}

export function sampleJson<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(sampleText(name)) as T;
}

/** An HL7 sample with the segment terminator the standard prescribes (CR), or CRLF. */
export function hl7Sample(name: string, terminator: '\r' | '\r\n' | '\n' = '\r'): string {
  return sampleText(name).replace(/\r?\n/g, terminator);
}
