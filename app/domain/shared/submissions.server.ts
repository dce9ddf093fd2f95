import { db, transaction, type Tx } from "~/db/client.server";
import { isUniqueViolation } from "~/db/errors.server";
import { clock } from "~/lib/clock";
import { DomainError } from "./errors";

/**
 * A form does its work once, however often it is sent. Every rendered form that creates
 * something carries a random key (`submissionKey`, a UUID from its loader); the work runs in a
 * transaction that first stores the key. A second sending of the same form waits on the first
 * one's row and then finds it: it gets the first one's result instead of doing the work again.
 * The database's primary key is the judge, so two sendings at the same moment cannot both pass.
 */

export interface Submission {
  /** the key the rendered form carried */
  key: string;
  centreId: string | null;
  /** what the form does ("payment", "closure", ...); a key is only ever found for its own kind */
  kind: string;
}

/** The form was sent before; `entityId` is what the first sending made (when it made one thing). */
export class AlreadySubmittedError extends DomainError {
  constructor(readonly entityId: string | null) {
    super("already-submitted", "This form was already sent.", entityId ? { entityId } : {}, 409);
  }
}

export function isAlreadySubmitted(error: unknown): error is AlreadySubmittedError {
  return error instanceof AlreadySubmittedError;
}

/**
 * Runs `work` in one transaction that also stores the form's key; returns its result. The same
 * key sent again (at once or later) throws AlreadySubmittedError with what the first sending
 * made (`entityOf` of its result). Without a submission, `work` simply runs in a transaction.
 */
export async function transactionOnce<T>(
  submission: Submission | undefined,
  work: (tx: Tx) => Promise<T>,
  entityOf: (result: T) => string | null = () => null,
): Promise<T> {
  if (!submission) return transaction(work);
  await refuseRepeated(submission);
  try {
    return await transaction(async (tx) => {
      // First, so that a twin sent at the same moment waits here until this one commits.
      await tx.formSubmission.create({
        data: { key: submission.key, centreId: submission.centreId, kind: submission.kind, createdAt: clock.now() },
      });
      const result = await work(tx);
      const entityId = entityOf(result);
      if (entityId) await tx.formSubmission.update({ where: { key: submission.key }, data: { entityId } });
      return result;
    });
  } catch (error) {
    // A twin committed first (or another unique rule refused the work: then the key is not there).
    if (isUniqueViolation(error)) await refuseRepeated(submission);
    throw error;
  }
}

/** Throws AlreadySubmittedError when the key was used before (for this centre and kind, or at all). */
async function refuseRepeated(submission: Submission): Promise<void> {
  const earlier = await db().formSubmission.findUnique({ where: { key: submission.key } });
  if (!earlier) return;
  // A key of another centre or form says nothing about that form's result.
  const own = earlier.centreId === submission.centreId && earlier.kind === submission.kind;
  throw new AlreadySubmittedError(own ? earlier.entityId : null);
}
