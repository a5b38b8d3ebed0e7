import { E2E_GLOBALS, type E2eGlobals } from './e2e.global-setup';

export default async function teardown(): Promise<void> {
  const globals = (globalThis as Record<symbol, E2eGlobals | undefined>)[E2E_GLOBALS];
  await globals?.temporal?.stop();
  await globals?.postgres?.stop();
}
