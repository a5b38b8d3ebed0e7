import { parseInstant } from './instant';
import type { CaseEventFact } from './measure.types';

/**
 * One episode of a case folded from its events (at or before the report's end; later events are
 * never read). Everything is epoch ms and codes: no note or summary text is kept.
 */
export interface EpisodeFacts {
  readonly episodeId: string;
  /** The episode's case_opened time (its first event's time if case_opened is missing). */
  openedMs: number;
  /** case_opened.enrollmentDate (YYYY-MM-DD), or null. */
  enrollmentDate: string | null;
  /** The first screening_submitted. */
  screeningMs: number | null;
  readonly attempts: AttemptFact[];
  /** The first case_closed / phase_changed to closed, and its reason. */
  closedMs: number | null;
  closureReason: string | null;
  /** The latest risk tier (screening_submitted.initialRisk, assessment_submitted.risk). */
  riskTier: string | null;
  /** The latest care manager (care_manager_assigned, care_manager_reassigned). */
  careManagerId: string | null;
  readonly consents: ConsentFact[];
  readonly stints: RecoveryStint[];
  readonly committeeUpdatesMs: number[];
  readonly tasks: TaskInstance[];
}

export interface AttemptFact {
  readonly ms: number;
  readonly outcome: string;
}

export interface ConsentFact {
  readonly ms: number;
  readonly consentGiven: boolean;
  readonly consentedBy: string;
  readonly memberInvolved: boolean;
  readonly representative: boolean;
}

/** A stay in recovery_support: from the phase change into it to the change out of it or the closure (null: still there). */
export interface RecoveryStint {
  readonly startMs: number;
  endMs: number | null;
}

/**
 * One task (task_opened … task_closed of a key). `dueMs` is the due the task is judged at: set by
 * task_opened / task_rescheduled / task_resumed, never earlier than the event that set it, and fixed
 * once it has passed (a reschedule, suspension or resumption after the due changes nothing: the
 * item was already overdue at its due). Null while suspended (a paused member owes nothing).
 */
export interface TaskInstance {
  readonly key: string;
  readonly kind: string;
  readonly openedMs: number;
  dueMs: number | null;
  closedMs: number | null;
  resolution: string | null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function obj(value: unknown): Readonly<Record<string, unknown>> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

function newEpisode(episodeId: string, ms: number): EpisodeFacts {
  return {
    episodeId,
    openedMs: ms,
    enrollmentDate: null,
    screeningMs: null,
    attempts: [],
    closedMs: null,
    closureReason: null,
    riskTier: null,
    careManagerId: null,
    consents: [],
    stints: [],
    committeeUpdatesMs: [],
    tasks: [],
  };
}

class EpisodeFold {
  readonly facts: EpisodeFacts;
  private readonly openTasks = new Map<string, TaskInstance>();

  constructor(episodeId: string, ms: number) {
    this.facts = newEpisode(episodeId, ms);
  }

  apply(kind: string, ms: number, data: Readonly<Record<string, unknown>>): void {
    const f = this.facts;
    switch (kind) {
      case 'case_opened':
        f.openedMs = ms;
        f.enrollmentDate = str(data.enrollmentDate);
        return;
      case 'screening_submitted':
        if (f.screeningMs === null) f.screeningMs = ms;
        this.tier(obj(data.initialRisk));
        return;
      case 'assessment_submitted':
        this.tier(obj(data.risk));
        return;
      case 'attempt_recorded':
        f.attempts.push({ ms, outcome: str(data.outcome) ?? 'unknown' });
        return;
      case 'care_manager_assigned':
        f.careManagerId = str(data.careManagerId) ?? f.careManagerId;
        return;
      case 'care_manager_reassigned':
        f.careManagerId = str(data.to) ?? f.careManagerId;
        return;
      case 'plan_consented': {
        const consent = obj(data.consent) ?? {};
        f.consents.push({
          ms,
          consentGiven: consent.consentGiven === true,
          consentedBy: str(consent.consentedBy) ?? 'member',
          memberInvolved: consent.memberInvolved === true,
          representative: obj(data.representative) !== null || typeof consent.representativeId === 'string',
        });
        return;
      }
      case 'phase_changed':
        if (data.from === 'recovery_support') this.endStint(ms);
        if (data.to === 'recovery_support' && f.closedMs === null) f.stints.push({ startMs: ms, endMs: null });
        if (data.to === 'closed') this.close(ms, str(data.closureReason));
        return;
      case 'case_closed':
        this.close(ms, str(data.reason));
        return;
      case 'committee_update_sent':
        f.committeeUpdatesMs.push(ms);
        return;
      case 'task_opened':
      case 'task_rescheduled':
      case 'task_suspended':
      case 'task_resumed':
      case 'task_closed':
        this.task(kind, ms, data);
        return;
      default:
        return;
    }
  }

  private tier(risk: Readonly<Record<string, unknown>> | null): void {
    const tier = risk ? str(risk.tier) : null;
    if (tier !== null) this.facts.riskTier = tier;
  }

  private endStint(ms: number): void {
    const last = this.facts.stints[this.facts.stints.length - 1];
    if (last && last.endMs === null) last.endMs = ms;
  }

  private close(ms: number, reason: string | null): void {
    const f = this.facts;
    if (f.closedMs === null) f.closedMs = ms;
    if (f.closureReason === null && reason !== null) f.closureReason = reason;
    this.endStint(ms);
  }

  private task(kind: string, ms: number, data: Readonly<Record<string, unknown>>): void {
    const key = str(data.key);
    if (key === null) return;
    if (kind === 'task_opened') {
      const due = parseInstant(str(data.dueAt) ?? '');
      const task: TaskInstance = { key, kind: str(data.taskKind) ?? 'unknown', openedMs: ms, dueMs: Number.isNaN(due) ? null : Math.max(due, ms), closedMs: null, resolution: null };
      this.facts.tasks.push(task);
      this.openTasks.set(key, task);
      return;
    }
    const task = this.openTasks.get(key);
    if (!task) return;
    if (kind === 'task_closed') {
      task.closedMs = ms;
      task.resolution = str(data.resolution);
      this.openTasks.delete(key);
      return;
    }
    // Once the due has passed, the item is decided: nothing after it moves the due.
    if (task.dueMs !== null && ms > task.dueMs) return;
    if (kind === 'task_suspended') {
      task.dueMs = null;
      return;
    }
    const due = parseInstant(str(data.dueAt) ?? '');
    if (!Number.isNaN(due)) task.dueMs = Math.max(due, ms);
  }
}

/**
 * Folds a case's events (all episodes, ordered by at then seq) into one EpisodeFacts per episode, in
 * the order the episodes first appear. Events after `endMs` are skipped. One pass; events out of
 * order are sorted first (a stable copy).
 */
export function caseTimeline(events: readonly CaseEventFact[], endMs: number): EpisodeFacts[] {
  const episodes = new Map<string, EpisodeFold>();
  let lastMs = Number.NEGATIVE_INFINITY;
  let lastSeq = Number.NEGATIVE_INFINITY;
  let ordered = true;
  const times = new Array<number>(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const ms = parseInstant(e.at);
    times[i] = ms;
    if (Number.isNaN(ms)) continue;
    if (ms < lastMs || (ms === lastMs && e.seq < lastSeq)) ordered = false;
    lastMs = ms;
    lastSeq = e.seq;
  }
  let order: number[] | null = null;
  if (!ordered) {
    // An unreadable time sorts last (and is skipped), so the comparator stays consistent.
    const key = (i: number) => (Number.isNaN(times[i]!) ? Number.POSITIVE_INFINITY : times[i]!);
    order = events.map((_, i) => i).sort((a, b) => key(a) - key(b) || events[a]!.seq - events[b]!.seq);
  }
  for (let j = 0; j < events.length; j++) {
    const i = order ? order[j]! : j;
    const ms = times[i]!;
    if (ms > endMs && !order) break;
    if (Number.isNaN(ms) || ms > endMs) continue;
    const e = events[i]!;
    let fold = episodes.get(e.episodeId);
    if (!fold) {
      fold = new EpisodeFold(e.episodeId, ms);
      episodes.set(e.episodeId, fold);
    }
    fold.apply(e.kind, ms, e.data);
  }
  return [...episodes.values()].map((f) => f.facts);
}
