import { ApiError } from '../../apps/api/src/common/api-error';

/** The ApiError a service call is refused with (fails the test if it resolves or throws anything else). */
export async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}
