import type { SupervisionRepository } from '@careloop/persistence';
import type { TemporalClientService } from '@careloop/temporal';
import { StuckCasesService } from '../../../apps/api/src/supervisor/stuck-cases.service';

/** A visibility store as on a server without TemporalReportedProblems: any query naming it is refused. */
function olderServer(failingDeliveries: () => Promise<unknown[]> = async () => []) {
  const queries: string[] = [];
  const refuse = (query: string) => {
    queries.push(query);
    if (query.includes('TemporalReportedProblems')) {
      throw new Error("3 INVALID_ARGUMENT: invalid query: filter expression: invalid search attribute: TemporalReportedProblems");
    }
  };
  const temporal = {
    config: { namespace: 'default' },
    client: {
      workflowService: {
        listWorkflowExecutions: async ({ query }: { query: string }) => {
          refuse(query);
          return { executions: [], nextPageToken: new Uint8Array() };
        },
      },
      workflow: {
        count: async (query: string) => {
          refuse(query);
          return { count: 3 };
        },
      },
    },
  } as unknown as TemporalClientService;
  const supervision = { failingDeliveries } as unknown as SupervisionRepository;
  return { service: new StuckCasesService(temporal, supervision), queries };
}

describe('StuckCasesService on a server without TemporalReportedProblems', () => {
  it('keeps listing the other kinds, and stops asking after the first refusal', async () => {
    const { service, queries } = olderServer();
    expect(await service.list({ overdueByMs: 0 }, 50, undefined)).toEqual({ items: [], nextCursor: null });
    expect(queries).toHaveLength(2);
    expect(queries[1]).not.toContain('TemporalReportedProblems');
    await service.list({ overdueByMs: 0 }, 50, undefined);
    expect(queries).toHaveLength(3);
  });

  it('counts the failing-workflow-task kind as 0 and the others as the server says', async () => {
    const { service } = olderServer();
    expect(await service.summary({ overdueByMs: 0 })).toEqual({ overdue: 3, failing_activity: 3, failing_workflow_task: 0, no_progress: 3, unassigned: 3 });
  });

  it('lists from visibility alone (activity_retrying flag) when the outbox in Postgres cannot be read', async () => {
    const { service, queries } = olderServer(async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    });
    expect(await service.list({ kind: 'failing_activity', overdueByMs: 0 }, 50, undefined)).toEqual({ items: [], nextCursor: null });
    expect(queries).toEqual([expect.stringContaining("CareLoopFlags = 'activity_retrying'")]);
  });
});
