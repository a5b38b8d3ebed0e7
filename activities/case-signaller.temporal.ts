import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  CASE_WORKFLOW_TYPE,
  caseStartSearchAttributes,
  externalEventSignal,
  type CaseWorkflowInput,
  type ExternalCaseEvent,
} from '@careloop/contracts';
import type { CaseSignaller } from './discharge.ports';

/**
 * Signal-with-start on the case workflow through the Temporal client. The
 * server makes it atomic: a running case gets the signal, otherwise a new
 * run starts with the signal as its first event (a closed case's id may be
 * reused: a new episode). `started` is read from a describe just before and
 * is informational (a concurrent start in between may make it wrong).
 */
export class TemporalCaseSignaller implements CaseSignaller {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
  ) {}

  async signalWithStart(caseId: string, caseStart: CaseWorkflowInput, event: ExternalCaseEvent): Promise<{ started: boolean }> {
    const running = await this.client.workflow
      .getHandle(caseId)
      .describe()
      .then(
        (d) => d.status.name === 'RUNNING',
        (err: unknown) => {
          if (err instanceof WorkflowNotFoundError) return false;
          throw err;
        },
      );
    await this.client.workflow.signalWithStart(CASE_WORKFLOW_TYPE, {
      workflowId: caseId,
      taskQueue: this.taskQueue,
      args: [caseStart],
      signal: externalEventSignal,
      signalArgs: [event],
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      typedSearchAttributes: caseStartSearchAttributes(caseStart.programCode),
    });
    return { started: !running };
  }
}
