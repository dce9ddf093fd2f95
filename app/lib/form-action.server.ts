import type { Submission, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { z } from "zod";
import { isDomainError } from "~/domain/shared/errors";
import { isAlreadySubmitted } from "~/domain/shared/submissions.server";
import { refusalReply, type RefusalWords } from "./messages";

type ReplyOptions = Parameters<Submission<unknown>["reply"]>[0];

/**
 * The one way a route answers a form, after its permission check:
 * 1. read the form with its zod schema; what is wrong goes back to the form (400) with what
 *    the person typed;
 * 2. do the work (the domain);
 * 3. a refusal goes back to the form: next to the field `refusalFields` names for its code (or
 *    the form's own `words`), else above the form; "not found" is the page's 404;
 * 4. the same form sent a second time gets the answer of the first (`again`, with what the
 *    first one made), a new one gets `done` (a redirect, or for a step of a longer form its
 *    data, with `reply` to give the form back as it was sent).
 */
export async function answerForm<Schema extends z.ZodType, Result, Answer = Response>(
  formData: FormData,
  options: {
    schema: Schema;
    work: (value: z.output<Schema>) => Promise<Result>;
    done: (
      result: Result,
      value: z.output<Schema>,
      reply: (options?: ReplyOptions) => SubmissionResult<string[]>,
    ) => Answer | Promise<Answer>;
    again?: (entityId: string | null, value: z.output<Schema>) => Response;
    refusalFields?: Record<string, string>;
    words?: RefusalWords;
  },
) {
  const submission = parseWithZod(formData, { schema: options.schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  let result: Result;
  try {
    result = await options.work(submission.value);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (isAlreadySubmitted(error) && options.again) return options.again(error.entityId, submission.value);
    if (error.status === 404) throw new Response("Not found", { status: 404 });
    return data(submission.reply(refusalReply(error, options.refusalFields, options.words)), { status: error.status });
  }
  return options.done(result, submission.value, (replyOptions) => submission.reply(replyOptions));
}
