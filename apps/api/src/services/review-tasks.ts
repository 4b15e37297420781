// Validity review tasks: one per document with an end date (due date from the domain's
// reviewDueOn), created by a job that runs at start and then daily in every server process.
// Several instances may share one database: each run takes a transaction-scoped PostgreSQL
// advisory lock with pg_try_advisory_xact_lock, so one instance does the work and the others skip
// (the lock is released at commit, and never left behind by a pooled connection). The unique
// policyId makes a run idempotent even without the lock.
import { fromUtcMidnight, reviewDueOn, toUtcMidnight } from '@gazette/domain';
import type { PrismaClient } from '@gazette/db';
import type { Logger } from 'pino';

/** The advisory lock of the review-task job (distinct from the change feed's and migrations'). */
export const REVIEW_TASK_LOCK = 724014;
export const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReviewTaskRun {
  /** False when another instance held the lock: nothing was done here. */
  ran: boolean;
  created: number;
  /** Open tasks whose due date moved because the document's end date or trial flag changed. */
  rescheduled: number;
}

/**
 * Creates the missing review tasks and moves the due date of open ones whose document's end
 * changed. Resolved tasks keep their date (the review happened).
 */
export async function ensureReviewTasks(prisma: PrismaClient): Promise<ReviewTaskRun> {
  return prisma.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<
        { locked: boolean }[]
      >`SELECT pg_try_advisory_xact_lock(${REVIEW_TASK_LOCK}) AS locked`;
      if (!lock?.locked) return { ran: false, created: 0, rescheduled: 0 };
      const policies = await tx.policy.findMany({
        where: { expiresOn: { not: null } },
        select: {
          id: true,
          expiresOn: true,
          isTrial: true,
          repealedBy: { select: { docNo: true } },
          reviewTask: { select: { id: true, dueOn: true, outcome: true } },
        },
      });
      const missing: { policyId: string; dueOn: Date }[] = [];
      let rescheduled = 0;
      for (const p of policies) {
        // A repealed document needs no review: its open task is settled as REPLACED by the repealer.
        if (p.repealedBy) {
          if (p.reviewTask && p.reviewTask.outcome === null) {
            await tx.reviewTask.update({
              where: { id: p.reviewTask.id },
              data: {
                outcome: 'REPLACED',
                replacedByDocNo: p.repealedBy.docNo,
                note: `已被 ${p.repealedBy.docNo} 废止(由公报导入记录)`,
                resolvedAt: new Date(),
                version: { increment: 1 },
              },
            });
          }
          continue;
        }
        const due = reviewDueOn({ expiresOn: fromUtcMidnight(p.expiresOn!), isTrial: p.isTrial });
        if (due === null) continue;
        if (!p.reviewTask) missing.push({ policyId: p.id, dueOn: toUtcMidnight(due) });
        else if (p.reviewTask.outcome === null && fromUtcMidnight(p.reviewTask.dueOn) !== due) {
          await tx.reviewTask.update({
            where: { id: p.reviewTask.id },
            data: { dueOn: toUtcMidnight(due), version: { increment: 1 } },
          });
          rescheduled += 1;
        }
      }
      const { count } = missing.length
        ? await tx.reviewTask.createMany({ data: missing, skipDuplicates: true })
        : { count: 0 };
      return { ran: true, created: count, rescheduled };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

export interface ReviewTaskJob {
  /** The run at start (awaited by startReviewTaskJob). */
  first: ReviewTaskRun;
  stop(): void;
}

/** Runs now, then every `intervalMs` (a day); the timer never keeps the process alive. */
export async function startReviewTaskJob(
  prisma: PrismaClient,
  logger: Logger,
  intervalMs = DAY_MS,
): Promise<ReviewTaskJob> {
  const run = async (): Promise<ReviewTaskRun | null> => {
    try {
      const result = await ensureReviewTasks(prisma);
      if (result.ran) logger.info({ ...result }, 'review tasks up to date');
      else logger.info('review tasks: another instance is running the job');
      return result;
    } catch (err) {
      logger.error({ err }, 'review task job failed; it runs again at the next interval');
      return null;
    }
  };
  const first = (await run()) ?? { ran: false, created: 0, rescheduled: 0 };
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    running ??= run().finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  return { first, stop: () => clearInterval(timer) };
}
