import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shiftSampleDates } from './fixture-dates';

export const REQUEST_SAMPLES_DIR = join(__dirname, '..', '..', 'docs', 'samples');

/**
 * The sample request bodies of docs/samples/, which the docs show and the e2e
 * tests send: they cannot drift apart. Dates in them are moved to the test's
 * clock (test/support/fixture-dates.ts).
 */
export function sample(name: string): Record<string, unknown> {
  return JSON.parse(shiftSampleDates(readFileSync(join(REQUEST_SAMPLES_DIR, `${name}.json`), 'utf8'), 'iso')) as Record<string, unknown>;
}
