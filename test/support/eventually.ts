/**
 * Polls `fn` until `done` holds or the time is up, and returns the last
 * value either way: the caller's assertion on it then says what was seen.
 * For what the real servers do asynchronously (visibility, the outbox).
 */
export async function eventually<T>(fn: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (done(value) || Date.now() > deadline) {
      return value;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
