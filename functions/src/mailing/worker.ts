// The worker: one Cloud Task = one batch of one mailing (after listmonk's manager). A task plans
// the recipients if that is not done yet, claims a batch of due deliveries, sends them through
// the throttle, records each result right after the server's answer, and enqueues its successor.
//
// Exactly once per recipient: delivery records are keyed by mailing and address (planned once);
// a claim is a transaction (two workers never hold the same delivery); a claimed delivery carries
// a lease longer than a task can live, and only an expired lease lets another worker send it
// again, with the same Message-ID. What remains is the moment between the server's acceptance and
// the record of it (README.md, "Versand-Pipeline").
import { randomUUID } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import {
  MAILING_STATUSES,
  deliveryIdFor,
  email,
  normalizeAddress,
  type Mailing,
  type MailingStatus,
} from '@knotenpunkt/model';
import { systemClock, waitUntilDue, type Clock } from '../platform/clock.ts';
import { classifySmtpError, domainOf, isProduction, type Mailer } from '../mail/transport.ts';
import { composeMail, messageIdFor, type ComposeContext } from './compose.ts';
import {
  autoPauseReason,
  batchLimit,
  decideAfterFailure,
  effectivePerMinute,
  intervalMs,
  reserveSlot,
  retryDelayMs,
  shouldAutoPause,
  type WorkerPolicy,
} from './policy.ts';
import {
  RecipientGoneError,
  SourceUnavailableError,
  type SourceContext,
  type SourceRegistry,
} from './sources/index.ts';
import type {
  ClaimedDelivery,
  Counts,
  LoadedMailing,
  MailingKey,
  MailingStore,
  PlannedDelivery,
} from './store.ts';
import { mailingTaskSchema, taskIdFor, type Enqueue, type MailingTask } from './tasks.ts';

export interface Log {
  warn(message: string, data?: unknown): void;
}

/**
 * Test-only fault switch: simulate the worker dying just before the n-th SMTP conversation of a
 * task, or right after the server accepted the n-th mail but before it was recorded. Refused in
 * production; only tests that call the handler directly can pass it.
 */
export interface Fault {
  crashBeforeSend?: number;
  crashAfterAccept?: number;
}

export class SimulatedCrash extends Error {
  constructor(where: string) {
    super(`Simulierter Absturz (${where})`);
  }
}

export interface WorkerDeps {
  db: Firestore;
  store: MailingStore;
  sources: SourceRegistry;
  /** A mailer for one batch (pooled connections); closed at the end of the task. */
  mailer: () => Mailer;
  enqueue: Enqueue;
  /** MAIL_FROM: its address sends every mail, under the network's name. */
  from: string;
  baseUrl: string;
  /** The deployment's cap on any mailing's rate (MAIL_MAX_PER_MINUTE). */
  maxPerMinute: number;
  policy: WorkerPolicy;
  clock?: Clock;
  fault?: Fault;
  log?: Log;
}

export type TaskResult =
  'stale' | 'planning' | 'continued' | 'waiting' | 'finished' | 'failed' | 'paused' | 'stopped';

type StopReason = 'paused' | 'cancelled' | 'stale' | 'autopause' | 'crash';

export async function handleMailingTask(data: unknown, deps: WorkerDeps): Promise<TaskResult> {
  const task = mailingTaskSchema.parse(data);
  if (deps.fault && isProduction()) throw new Error('Fehlerschalter gibt es nur in Tests.');
  const clock = deps.clock ?? systemClock;
  const key: MailingKey = { networkId: task.networkId, mailingId: task.mailingId };

  if (task.seq === 0 && (await deps.store.begin(key, task.run, clock.now())) === 'stale') {
    return 'stale';
  }
  // Dispatched early (the Tasks emulator ignores delays): wait a while, then look again. Nothing
  // is sent before its delivery is due either way; the claim only takes due deliveries.
  await waitUntilDue(task.notBefore, deps.policy.maxInlineWaitMs, clock);
  const loaded = await deps.store.load(key);
  const mailing = loaded?.mailing;
  if (!loaded || mailing?.status !== 'sending' || mailing.progress.run !== task.run) {
    return 'stale';
  }
  return new TaskRun(task, key, loaded, deps, clock).run();
}

class TaskRun {
  readonly #startedAt: number;
  readonly #mailing: Mailing;
  readonly #policy: WorkerPolicy;
  readonly #store: MailingStore;
  readonly #domain: string;

  constructor(
    readonly task: MailingTask,
    readonly key: MailingKey,
    readonly loaded: LoadedMailing,
    readonly deps: WorkerDeps,
    readonly clock: Clock,
  ) {
    this.#startedAt = clock.now().getTime();
    this.#mailing = loaded.mailing;
    this.#policy = deps.policy;
    this.#store = deps.store;
    this.#domain = domainOf(deps.from);
  }

  #elapsed() {
    return this.clock.now().getTime() - this.#startedAt;
  }

  #sourceContext(): SourceContext {
    return {
      db: this.deps.db,
      networkId: this.key.networkId,
      mailingId: this.key.mailingId,
      baseUrl: this.deps.baseUrl,
      recipients: this.#mailing.recipients,
    };
  }

  async #continue(delayMs = 0) {
    const seq = this.task.seq + 1;
    const id = await taskIdFor(this.key, this.task.run, seq);
    const notBefore = delayMs > 0 ? this.clock.now().getTime() + delayMs : undefined;
    await this.deps.enqueue({ ...this.task, seq, notBefore }, { id, delaySeconds: delayMs / 1000 });
  }

  async run(): Promise<TaskResult> {
    if (!this.#mailing.progress.planned) {
      const planned = await this.#plan();
      if (planned !== 'planned') return planned;
    }
    return this.#sendBatch();
  }

  // ------------------------------------------------------------ planning

  /** Resolves the recipients page by page into delivery records; the cursor survives a crash. */
  async #plan(): Promise<TaskResult | 'planned'> {
    const source = this.deps.sources[this.#mailing.recipients.source];
    const ctx = this.#sourceContext();
    let cursor = this.#mailing.progress.cursor;
    try {
      for (;;) {
        const page = await source.page(ctx, cursor, this.#policy.planPageSize);
        await this.#store.plan(
          this.key,
          await this.#toDeliveries(page.recipients),
          this.clock.now(),
        );
        cursor = page.next;
        if (cursor === null) break;
        const saved = await this.#store.update(this.key, {
          run: this.task.run,
          expect: ['sending'],
          progress: { cursor, heartbeatAt: this.clock.now() },
        });
        if (!saved?.applied) return 'stale';
        if (this.#elapsed() > this.#policy.budgetMs) {
          await this.#continue();
          return 'planning';
        }
      }
    } catch (error) {
      if (!(error instanceof SourceUnavailableError)) throw error;
      return this.#finish('failed', error.message);
    }
    const now = this.clock.now();
    const counts = await this.#store.count(this.key);
    await this.#store.update(this.key, {
      run: this.task.run,
      expect: ['sending'],
      progress: { planned: true, cursor: null, heartbeatAt: now },
      counts: { counts, countedAt: now },
    });
    return 'planned';
  }

  async #toDeliveries(
    recipients: Awaited<ReturnType<SourceRegistry['test']['page']>>['recipients'],
  ): Promise<PlannedDelivery[]> {
    const out: PlannedDelivery[] = [];
    for (const r of recipients) {
      const parsed = email.safeParse(normalizeAddress(r.address));
      if (!parsed.success) {
        this.deps.log?.warn('Empfänger ohne gültige Adresse übersprungen', { ref: r.sourceRef });
        continue;
      }
      const id = await deliveryIdFor(this.key.mailingId, parsed.data);
      out.push({
        id,
        address: parsed.data,
        name: r.name.trim().slice(0, 200),
        vars: r.vars ?? {},
        unsubscribeUrl: r.unsubscribeUrl ?? '',
        sourceRef: r.sourceRef ?? '',
        messageId: messageIdFor(id, this.key.mailingId, this.#domain),
      });
    }
    return out;
  }

  // ------------------------------------------------------------ sending

  async #sendBatch(): Promise<TaskResult> {
    const settings = this.#mailing.settings;
    const interval = intervalMs(effectivePerMinute(settings.perMinute, this.deps.maxPerMinute));
    const limit = batchLimit(settings.batchSize, interval, this.#policy.budgetMs);
    const leaseId = randomUUID();

    let claimed: ClaimedDelivery[];
    for (;;) {
      const now = this.clock.now();
      claimed = await this.#store.claim(this.key, {
        leaseId,
        limit,
        now,
        leaseUntil: new Date(now.getTime() + this.#policy.leaseMs),
      });
      if (claimed.length > 0) break;
      const due = await this.#store.nextDueAt(this.key);
      if (!due) return this.#finish('sent');
      // Everything left waits for a retry or for a dead worker's lease to run out.
      const wait = Math.max(50, due.getTime() - this.clock.now().getTime());
      if (
        wait > this.#policy.maxInlineWaitMs ||
        this.#elapsed() + wait > this.#policy.budgetMs + this.#policy.maxInlineWaitMs
      ) {
        // Looks again within maxHandOverMs: a claim released meanwhile (a paused worker letting
        // go just after a resume) is sent then, not when its lease would have run out.
        await this.#continue(Math.min(wait, this.#policy.maxHandOverMs));
        return 'waiting';
      }
      await this.clock.sleep(wait);
      const current = await this.#store.status(this.key);
      if (current?.status !== 'sending' || current.run !== this.task.run) return 'stale';
    }

    const base = await this.#store.count(this.key);
    const batch = new Batch(this, claimed, base, interval);
    const stop = await batch.send();
    if (stop === 'crash') throw new SimulatedCrash('mitten im Stapel');

    const now = this.clock.now();
    await this.#store.release(this.key, batch.unsent(), leaseId, now);
    const counts = await this.#store.count(this.key);
    const countsAt = { counts, countedAt: this.clock.now() };
    const state = batch.state();

    if (stop === 'autopause') {
      await this.#store.update(this.key, {
        run: this.task.run,
        expect: ['sending'],
        status: 'paused',
        progress: {
          ...state,
          pauseReason: autoPauseReason(state.consecutiveErrors, batch.lastAnswer),
        },
        counts: countsAt,
      });
      return 'paused';
    }
    if (stop) {
      // Paused, cancelled or superseded by a newer run: leave the figures right and stop.
      await this.#store.update(this.key, {
        run: null,
        expect: stop === 'cancelled' ? ['cancelled'] : MAILING_STATUSES,
        progress: stop === 'cancelled' ? { finishedAt: now } : {},
        counts: countsAt,
      });
      return 'stopped';
    }
    const saved = await this.#store.update(this.key, {
      run: this.task.run,
      expect: ['sending'],
      progress: state,
      counts: countsAt,
    });
    if (!saved?.applied) return 'stopped';
    if (counts.pending === 0) return this.#finish('sent');
    await this.#continue();
    return 'continued';
  }

  /** The one finalizer: recounts from the delivery records and ends the run. */
  async #finish(status: 'sent' | 'failed', reason = ''): Promise<TaskResult> {
    const now = this.clock.now();
    const counts = await this.#store.count(this.key);
    const result = await this.#store.update(this.key, {
      run: this.task.run,
      expect: ['sending'],
      status,
      progress: { finishedAt: now, heartbeatAt: now, ...(reason ? { lastError: reason } : {}) },
      counts: { counts, countedAt: now },
    });
    if (!result?.applied) return 'stale';
    return status === 'sent' ? 'finished' : 'failed';
  }

  // ------------------------------------------------------------ what Batch needs

  get store() {
    return this.#store;
  }
  get policy() {
    return this.#policy;
  }
  get mailing() {
    return this.#mailing;
  }
  composeContext(): ComposeContext {
    return { networkId: this.key.networkId, network: this.loaded.network, domain: this.#domain };
  }
  sourceContext(): SourceContext {
    return this.#sourceContext();
  }
}

/** Sends one claimed batch: throttled, a few conversations at once, each result recorded. */
class Batch {
  readonly #queue: ClaimedDelivery[];
  readonly #local = { sent: 0, failed: 0 };
  #consecutive: number;
  #lastError: string;
  lastAnswer = '';
  #nextAt: number;
  #stop: StopReason | null = null;
  #sends = 0;
  #lastFlush: number;
  #lastControl: number;
  #control: Promise<void> | null = null;
  #flushing: Promise<void> | null = null;
  readonly #key: MailingKey;
  readonly #run: number;
  readonly #deps: WorkerDeps;
  readonly #clock: Clock;

  constructor(
    private readonly owner: TaskRun,
    claimed: ClaimedDelivery[],
    private readonly base: Counts,
    private readonly interval: number,
  ) {
    this.#queue = [...claimed];
    const progress = owner.mailing.progress;
    this.#consecutive = progress.consecutiveErrors;
    this.#lastError = progress.lastError;
    this.#nextAt = progress.nextSendAt?.getTime() ?? 0;
    this.#deps = owner.deps;
    this.#clock = owner.clock;
    this.#key = owner.key;
    this.#run = owner.task.run;
    this.#lastFlush = this.#lastControl = this.#clock.now().getTime();
  }

  unsent(): string[] {
    return this.#queue.map((d) => d.id);
  }

  state() {
    return {
      consecutiveErrors: this.#consecutive,
      lastError: this.#lastError,
      nextSendAt: new Date(this.#nextAt),
      heartbeatAt: this.#clock.now(),
    };
  }

  async send(): Promise<StopReason | null> {
    const mailer = this.#deps.mailer();
    try {
      const lanes = Math.min(this.owner.policy.concurrency, this.#queue.length);
      await Promise.all(Array.from({ length: lanes }, () => this.#lane(mailer)));
    } finally {
      mailer.close();
    }
    if (this.#stop !== 'crash') await this.#flushing;
    return this.#stop;
  }

  async #lane(mailer: Mailer) {
    const fault = this.#deps.fault;
    for (;;) {
      if (this.#stop) return;
      const delivery = this.#queue.shift();
      if (!delivery) return;
      const slot = reserveSlot(this.#nextAt, this.#clock.now().getTime(), this.interval);
      this.#nextAt = slot.nextAt;
      if (slot.waitMs > 0) await this.#clock.sleep(slot.waitMs);
      await this.#checkControl();
      if (this.#stop) {
        this.#queue.unshift(delivery);
        return;
      }
      const n = ++this.#sends;
      if (fault?.crashBeforeSend === n) {
        this.#stop = 'crash';
        this.#queue.unshift(delivery);
        return;
      }
      await this.#sendOne(mailer, delivery, n);
      if (
        !this.#stop &&
        shouldAutoPause(this.#consecutive, this.owner.mailing.settings.pauseAfterErrors)
      ) {
        this.#stop = 'autopause';
      }
      this.#flush();
    }
  }

  async #sendOne(mailer: Mailer, delivery: ClaimedDelivery, n: number) {
    const store = this.owner.store;
    const policy = this.owner.policy;
    if (delivery.attempts > policy.maxAttempts) {
      // Claimed again and again without a recorded answer (workers died): give up rather than
      // risk more copies.
      await store.record(
        this.#key,
        delivery.id,
        {
          status: 'failed',
          answer: `Nach ${policy.maxAttempts} Versuchen ohne Antwort abgebrochen.`,
        },
        this.#clock.now(),
      );
      this.#local.failed++;
      return;
    }
    let answer: string;
    try {
      const source = this.#deps.sources[this.owner.mailing.recipients.source];
      const extra = source.personalize
        ? await source.personalize(this.owner.sourceContext(), delivery)
        : null;
      const mail = composeMail(
        this.owner.mailing,
        extra ? { ...delivery, vars: { ...delivery.vars, ...extra } } : delivery,
        this.owner.composeContext(),
      );
      answer = (await mailer.send(mail)).response;
    } catch (error) {
      if (error instanceof RecipientGoneError) {
        // Not the mail server's doing: no error streak, nothing to tell the source.
        await store.record(
          this.#key,
          delivery.id,
          { status: 'failed', answer: `Nicht gesendet: ${error.message}` },
          this.#clock.now(),
        );
        this.#local.failed++;
        return;
      }
      await this.#failed(delivery, classifySmtpError(error));
      return;
    }
    if (this.#deps.fault?.crashAfterAccept === n) {
      this.#stop = 'crash';
      return;
    }
    // Recorded at once: the window between acceptance and this write is all that can repeat.
    await store.record(this.#key, delivery.id, { status: 'sent', answer }, this.#clock.now());
    this.#local.sent++;
    this.#consecutive = 0;
  }

  async #failed(delivery: ClaimedDelivery, failure: ReturnType<typeof classifySmtpError>) {
    const store = this.owner.store;
    const policy = this.owner.policy;
    const now = this.#clock.now();
    this.#consecutive++;
    this.lastAnswer = failure.answer;
    this.#lastError = `${delivery.address}: ${failure.answer}`.slice(0, 1000);
    if (decideAfterFailure(failure.temporary, delivery.attempts, policy.maxAttempts) === 'retry') {
      const dueAt = new Date(now.getTime() + retryDelayMs(delivery.attempts, policy));
      await store.record(
        this.#key,
        delivery.id,
        { status: 'queued', answer: failure.answer, dueAt },
        now,
      );
      return;
    }
    await store.record(this.#key, delivery.id, { status: 'failed', answer: failure.answer }, now);
    this.#local.failed++;
    if (failure.temporary) return;
    const source = this.#deps.sources[this.owner.mailing.recipients.source];
    try {
      await source.onPermanentFailure?.(this.owner.sourceContext(), {
        address: delivery.address,
        sourceRef: delivery.sourceRef,
        answer: failure.answer,
      });
    } catch (error) {
      this.#deps.log?.warn('Empfängerquelle konnte den Fehler nicht vermerken', String(error));
    }
  }

  /** Re-reads the status now and then, so a pause or cancel takes effect before the next mail. */
  async #checkControl() {
    if (this.#clock.now().getTime() - this.#lastControl < this.owner.policy.controlEveryMs) return;
    this.#control ??= (async () => {
      try {
        const current = await this.owner.store.status(this.#key);
        this.#noteStatus(current?.status ?? null, current?.run ?? -1);
      } finally {
        this.#lastControl = this.#clock.now().getTime();
        this.#control = null;
      }
    })();
    await this.#control;
  }

  #noteStatus(status: MailingStatus | null, run: number) {
    if (this.#stop || (status === 'sending' && run === this.#run)) return;
    this.#stop = status === 'paused' ? 'paused' : status === 'cancelled' ? 'cancelled' : 'stale';
  }

  /** Writes the figures at most once per flush interval, in the background of the lanes. */
  #flush() {
    const now = this.#clock.now().getTime();
    if (this.#flushing || now - this.#lastFlush < this.owner.policy.flushEveryMs) return;
    this.#lastFlush = now;
    const counts: Counts = {
      ...this.base,
      sent: this.base.sent + this.#local.sent,
      failed: this.base.failed + this.#local.failed,
      pending: this.base.pending - this.#local.sent - this.#local.failed,
    };
    this.#flushing = this.owner.store
      .update(this.#key, {
        run: this.#run,
        expect: ['sending'],
        progress: this.state(),
        counts: { counts, countedAt: this.#clock.now() },
      })
      .then(
        (result) => this.#noteStatus(result?.status ?? null, result?.run ?? -1),
        (error: unknown) => this.#deps.log?.warn('Fortschritt nicht gespeichert', String(error)),
      )
      .finally(() => {
        this.#flushing = null;
      });
  }
}
