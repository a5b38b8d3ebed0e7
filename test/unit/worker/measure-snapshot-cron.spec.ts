import { cronProblem } from '../../../apps/worker/src/cron-expression';
import { workerConfigFrom, workerEnvSchema } from '../../../apps/worker/src/worker.config';

/** CARELOOP_MEASURE_SNAPSHOT_CRON is checked at boot: a typo stops the worker, not the night's snapshot. */
describe('measure snapshot cron (worker config)', () => {
  const base = { TEMPORAL_ADDRESS: 'localhost:7233', DATABASE_URL: 'postgres://u@localhost/db' };
  const parse = (cron?: string) => workerEnvSchema.safeParse({ ...base, ...(cron === undefined ? {} : { CARELOOP_MEASURE_SNAPSHOT_CRON: cron }) });

  it('defaults to 02:30 UTC every day', () => {
    const env = parse();
    expect(env.success).toBe(true);
    expect(workerConfigFrom(env.data!).measureSnapshotCron).toBe('30 2 * * *');
  });

  it('takes a valid expression (spacing normalised) and `off`', () => {
    expect(workerConfigFrom(parse(' 0  4 * * 1-5 ').data!).measureSnapshotCron).toBe('0 4 * * 1-5');
    expect(workerConfigFrom(parse('*/15 1,13 1 */2 0').data!).measureSnapshotCron).toBe('*/15 1,13 1 */2 0');
    expect(workerConfigFrom(parse('off').data!).measureSnapshotCron).toBeNull();
  });

  it.each([
    ['30 2 * *', /5 fields/],
    ['30 2 * * * *', /5 fields/],
    ['61 2 * * *', /minute "61"/],
    ['30 24 * * *', /hour "24"/],
    ['30 2 0 * *', /day of month "0"/],
    ['30 2 * 13 *', /month "13"/],
    ['30 2 * * 7', /day of week "7"/],
    ['30 2 * * MON', /day of week "MON"/],
    ['5-1 2 * * *', /minute "5-1"/],
    ['*/0 2 * * *', /minute "\*\/0"/],
    ['@daily', /5 fields/],
  ])('refuses %s, naming the variable and the field', (cron, reason) => {
    const env = parse(cron);
    expect(env.success).toBe(false);
    const issue = env.error!.issues.find((i) => i.path[0] === 'CARELOOP_MEASURE_SNAPSHOT_CRON');
    expect(issue?.message).toMatch(reason);
    expect(cronProblem(cron)).not.toBeNull();
  });
});
