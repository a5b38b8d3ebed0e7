import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shiftSampleDates } from './fixture-dates';

/**
 * The sample payloads of docs/integrations.md. Tests load these exact files,
 * so the documented examples cannot drift from what the API accepts.
 *
 * `sampleText`, `sampleJson` and `hl7Sample` give a sample as a sender would
 * send it now: every date moved so its latest time lies an hour before the
 * test's clock (test/support/fixture-dates.ts). The `…AsWritten` forms give the
 * file as it is, for tests of pure parsers that never look at a clock.
 */
export const SAMPLES_DIR = join(__dirname, '..', '..', 'docs', 'integrations', 'samples');

const styleOf = (name: string): 'iso' | 'hl7' => (name.endsWith('.hl7') ? 'hl7' : 'iso');

export function sampleTextAsWritten(name: string): string {
  return readFileSync(join(SAMPLES_DIR, name), 'utf8');
}

export function sampleText(name: string, latestAt?: number): string {
  return shiftSampleDates(sampleTextAsWritten(name), styleOf(name), latestAt);
}

export function sampleJson<T = Record<string, unknown>>(name: string, latestAt?: number): T {
  return JSON.parse(sampleText(name, latestAt)) as T;
}

export function sampleJsonAsWritten<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(sampleTextAsWritten(name)) as T;
}

const withTerminator = (text: string, terminator: '\r' | '\r\n' | '\n') => text.replace(/\r?\n/g, terminator);

/** An HL7 sample with the segment terminator the standard prescribes (CR), or CRLF; dates moved to now. */
export function hl7Sample(name: string, terminator: '\r' | '\r\n' | '\n' = '\r', latestAt?: number): string {
  return withTerminator(sampleText(name, latestAt), terminator);
}

export function hl7SampleAsWritten(name: string, terminator: '\r' | '\r\n' | '\n' = '\r'): string {
  return withTerminator(sampleTextAsWritten(name), terminator);
}
