import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import {
  CareManagerAssignmentRepository,
  CaseEventRepository,
  InboxRepository,
  MeasureFactsRepository,
  MeasureSnapshotRepository,
  NotificationDeliveryRepository,
  NotificationOutboxRepository,
  ProviderDirectoryRepository,
  ReviewRepository,
  WorkerHeartbeatRepository,
} from '@careloop/persistence';
import {
  createAssignmentActivities,
  createCaseActivities,
  createReviewActivities,
  createDischargeActivities,
  createMeasureSnapshotActivities,
  HttpSmsSender,
  LogNotificationChannel,
  PeopleNotificationChannel,
  ProviderNoticeChannel,
  TemporalCaseSignaller,
  WebhookNotificationChannel,
  type NotificationChannel,
  type PersonDeliveryDeps,
} from '@careloop/activities';
import { DEFAULT_MEASURE_POLICY } from '@careloop/domain';
import { addPathAliases, careloopDataConverter, PRELOADED_WORKFLOW_MODULES, workflowsSourcePath } from '@careloop/temporal';
import { WORKER_CONFIG } from './worker.tokens';
import { activityRetryReporter } from './activity-retry.interceptor';
import { WorkerHeartbeatReporter } from './worker-heartbeat.reporter';
import type { WorkerConfig } from './worker.config';
import { SmtpMailSender } from './smtp-mail.sender';
import { notificationDirectory } from './notification-directory';
import { NotificationSweeper } from './notification-sweeper';
import { ensureMeasureSnapshotSchedule } from './measure-snapshot.schedule';

/**
 * Hosts the Temporal worker inside the Nest application context: activities
 * are built from injected dependencies; on shutdown the worker stops polling
 * and drains in-flight tasks before Nest closes the database.
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private worker: Worker | undefined;
  private connection: NativeConnection | undefined;
  private running: Promise<void> | undefined;
  private heartbeat: WorkerHeartbeatReporter | undefined;
  private mail: SmtpMailSender | null = null;
  private sweeper: NotificationSweeper | undefined;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly caseEvents: CaseEventRepository,
    private readonly outbox: NotificationOutboxRepository,
    private readonly assignments: CareManagerAssignmentRepository,
    private readonly reviews: ReviewRepository,
    private readonly heartbeats: WorkerHeartbeatRepository,
    private readonly providers: ProviderDirectoryRepository,
    private readonly inbox: InboxRepository,
    private readonly deliveries: NotificationDeliveryRepository,
    private readonly measureFacts: MeasureFactsRepository,
    private readonly measureSnapshots: MeasureSnapshotRepository,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { temporal, workflowBundlePath, shutdownGraceMs } = this.config;
    this.connection = await NativeConnection.connect({ address: temporal.address, tls: temporal.tls ? {} : undefined });
    const dataConverter = careloopDataConverter(temporal.payloadKeys);
    const fallback: NotificationChannel = this.config.notifyWebhookUrl
      ? new WebhookNotificationChannel(this.config.notifyWebhookUrl)
      : new LogNotificationChannel((line) => new Logger('notifications').log(line));
    // Provider notices go to the named provider's directory endpoint; everything else as before.
    this.mail = this.config.smtpUrl ? new SmtpMailSender(this.config.smtpUrl, this.config.smtpFrom) : null;
    if (!this.mail) {
      this.logger.warn('CARELOOP_SMTP_URL is not set: email and Direct provider notices go to the default channel');
    }
    const providerChannel: NotificationChannel = new ProviderNoticeChannel({
      // Read at each delivery (no cache): a deactivated or re-pointed provider takes effect on the next notice.
      directory: {
        endpointOf: async (id) => {
          const entry = await this.providers.byId(id);
          return entry?.active ? entry.endpoint : null;
        },
      },
      fallback,
      mail: this.mail,
      publicUrl: this.config.publicUrl,
    });
    // People (care team, supervisors, members): inbox, email, SMS; then the provider/default channel as before.
    const people: PersonDeliveryDeps = {
      store: this.deliveries,
      inbox: this.inbox,
      directory: notificationDirectory(this.dataSource, this.config.memberCrypto),
      mail: this.mail,
      sms: this.config.sms ? new HttpSmsSender(this.config.sms.url, this.config.sms.token) : null,
      publicUrl: this.config.publicUrl,
      memberContactPoint: this.config.memberContactPoint,
    };
    const channel: NotificationChannel = new PeopleNotificationChannel(people, providerChannel);
    this.sweeper = new NotificationSweeper(people, this.config.notifySweepMs);
    // Discharge planning starts/signals cases: a client on the worker's own connection, with the same payload codec.
    const client = new Client({ connection: this.connection, namespace: temporal.namespace, dataConverter });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: temporal.namespace,
      taskQueue: temporal.taskQueue,
      dataConverter,
      activities: {
        ...createCaseActivities({ caseEvents: this.caseEvents, outbox: this.outbox, channel }),
        ...createAssignmentActivities({ assigner: this.assignments }),
        // Utilization reviews and complaints: their records, and notices through the same outbox and channel.
        ...createReviewActivities({ reviews: this.reviews, outbox: this.outbox, channel }),
        ...createDischargeActivities({ cases: new TemporalCaseSignaller(client, temporal.taskQueue), outbox: this.outbox, channel }),
        // The nightly measure snapshot (issue 18): the regulatory defaults of the measures (screening 90 days, committee 28 days, transition-of-care policy).
        ...createMeasureSnapshotActivities({ facts: this.measureFacts, snapshots: this.measureSnapshots, policy: DEFAULT_MEASURE_POLICY }),
      },
      ...(workflowBundlePath
        ? { workflowBundle: { codePath: workflowBundlePath } }
        : { workflowsPath: workflowsSourcePath(), bundlerOptions: { webpackConfigHook: addPathAliases, preloadModules: [...PRELOADED_WORKFLOW_MODULES] } }),
      shutdownGraceTime: shutdownGraceMs,
      interceptors: { activity: [activityRetryReporter(client, this.config.reportActivityRetryFromAttempt)] },
      ...this.config.tuning,
    });
    // The nightly measure snapshot's Schedule: created (or brought to this config) before polling starts.
    if (this.config.measureSnapshotCron !== null) {
      const outcome = await ensureMeasureSnapshotSchedule(client, { cron: this.config.measureSnapshotCron, taskQueue: temporal.taskQueue });
      this.logger.log(`measure snapshot schedule ${outcome} (cron "${this.config.measureSnapshotCron}" UTC)`);
    }
    this.running = this.worker.run();
    this.heartbeat = new WorkerHeartbeatReporter(this.worker, this.heartbeats, this.config.heartbeatMs);
    this.heartbeat.start();
    this.sweeper?.start();
    // A worker that dies on its own (e.g. lost connection beyond retries) takes the process down,
    // so the supervisor (npm start, systemd, Kubernetes) sees it and restarts it.
    this.running.catch((err: unknown) => {
      this.logger.error(`worker stopped: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
    this.logger.log(`polling task queue "${temporal.taskQueue}" on ${temporal.address} (namespace ${temporal.namespace})`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.heartbeat?.stop();
    await this.sweeper?.stop();
    if (this.worker && this.worker.getState() === 'RUNNING') {
      this.worker.shutdown();
    }
    await this.running?.catch(() => undefined);
    await this.connection?.close();
    this.mail?.close();
    this.logger.log('worker stopped');
  }
}
