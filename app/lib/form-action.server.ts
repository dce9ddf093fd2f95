import type { Submission, SubmissionResult } from "@conform-to/react";
import { randomUUID } from "node:crypto";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type AppLoadContext } from "@remix-run/node";
import type { z } from "zod";
import { isDomainError } from "~/domain/shared/errors";
import { isAlreadySubmitted } from "~/domain/shared/submissions.server";
import { refusalReply, type RefusalWords } from "./messages";
import { consumeRateLimits, tooManyInit, tooManyReply, type RateLimitCheck } from "./rate-limits.server";

type Reply = SubmissionResult<string[]>;

type ReplyOptions = Parameters<Submission<unknown>["reply"]>[0];

/**
 * The one way a route answers a form, after its permission check:
 * 1. read the form with its zod schema; what is wrong goes back to the form (400) with what
 *    the person typed;
 * 2. count the sending against its rate `limits`, if any: when one is full, back to the form
 *    (429, Retry-After) with "try again in N minutes";
 * 3. do the work (the domain);
 * 4. a refusal goes back to the form: next to the field `refusalFields` names for its code (or
 *    the form's own `words`), else above the form; "not found" is the page's 404, unless the
 *    form has its own words or field for it;
 * 5. the same form sent a second time gets the answer of the first (`again`, with what the
 *    first one made; when it gives nothing, the refusal goes back to the form), a new one gets
 *    `done` (a redirect, or for a step of a longer form its data, with `reply` to give the form
 *    back as it was sent).
 * Going back to the form answers conform's reply; a page whose action data holds more (which
 * of its forms, say) wraps it with `back`, which gets the reply and the status to answer with.
 */
export async function answerForm<
  Schema extends z.ZodType,
  Result,
  Answer = Response,
  Back = ReturnType<typeof data<Reply>>,
>(
  formData: FormData,
  options: {
    schema: Schema;
    work: (value: z.output<Schema>) => Promise<Result>;
    done: (
      result: Result,
      value: z.output<Schema>,
      reply: (options?: ReplyOptions) => SubmissionResult<string[]>,
    ) => Answer | Promise<Answer>;
    again?: (entityId: string | null, value: z.output<Schema>) => Response | undefined | Promise<Response | undefined>;
    refusalFields?: Record<string, string>;
    words?: RefusalWords;
    limits?: (value: z.output<Schema>) => RateLimitCheck[];
    back?: (reply: Reply, init: ResponseInit) => Back;
  },
): Promise<Answer | Back | Response> {
  const back = options.back ?? ((reply: Reply, init: ResponseInit) => data(reply, init) as Back);
  const submission = parseWithZod(formData, { schema: options.schema });
  if (submission.status !== "success") return back(submission.reply(), { status: 400 });
  if (options.limits) {
    const refusal = await consumeRateLimits(options.limits(submission.value));
    if (refusal) return back(submission.reply(tooManyReply(refusal)), tooManyInit(refusal));
  }
  let result: Result;
  try {
    result = await options.work(submission.value);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (isAlreadySubmitted(error) && options.again) {
      const answer = await options.again(error.entityId, submission.value);
      if (answer) return answer;
    }
    const ownWords = options.refusalFields?.[error.code] ?? options.words?.[error.code];
    if (error.status === 404 && !ownWords) throw new Response("Not found", { status: 404 });
    return back(submission.reply(refusalReply(error, options.refusalFields, options.words)), { status: error.status });
  }
  return options.done(result, submission.value, (replyOptions) => submission.reply(replyOptions));
}

/** The message above the form in a reply (a refusal with no field), for pages that show one line, not a form. */
export function formMessage(reply: Reply): string | undefined {
  return reply.error?.[""]?.[0] ?? undefined;
}

/**
 * A new key for a rendered form (see transactionOnce in domain/shared/submissions.server.ts),
 * noted in the load context so that a cached copy of the page never hands one key to two people.
 */
export function newSubmissionKey(context: AppLoadContext): string {
  const key = randomUUID();
  (context.perResponseValues ??= []).push(key);
  return key;
}
