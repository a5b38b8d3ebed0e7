import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failure messages and stack traces can quote input (a validator naming what
 * it refused), so they travel as an encoded payload, which the payload codec
 * then encrypts, instead of plain text in the history. Loaded by path: the
 * workflow bundle includes this module (workflowBundleOptions) and client and
 * worker require it (careloopDataConverter), so all sides agree.
 * Imports nothing but @temporalio/common: it runs inside the workflow sandbox.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
