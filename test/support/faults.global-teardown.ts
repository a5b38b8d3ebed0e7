import type { EmbeddedPostgresHandle } from '../../scripts/embedded-postgres';
import { FAULT_GLOBALS } from './faults.global-setup';

export default async function teardown(): Promise<void> {
  await (globalThis as Record<symbol, EmbeddedPostgresHandle | undefined>)[FAULT_GLOBALS]?.stop();
}
