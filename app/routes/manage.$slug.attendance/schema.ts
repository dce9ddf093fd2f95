import { z } from "zod";
import { MAX_HEADCOUNT } from "~/domain/workspace/constants";

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const recordSchema = z
  .object({
    intent: z.literal("record"),
    occurrenceId: z.uuid(),
    headcount: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: "workspace.attendance.headcountInvalid" })
        .int({ error: "workspace.attendance.headcountInvalid" })
        .min(0, { error: "workspace.attendance.headcountInvalid" })
        .max(MAX_HEADCOUNT, { error: "workspace.attendance.headcountInvalid" }),
    ),
    firstTimeCount: z.preprocess(
      (value) => blankToUndefined(value) ?? 0,
      z.coerce
        .number({ error: "workspace.attendance.firstTimeInvalid" })
        .int({ error: "workspace.attendance.firstTimeInvalid" })
        .min(0, { error: "workspace.attendance.firstTimeInvalid" }),
    ),
  })
  .refine((value) => value.firstTimeCount <= value.headcount, {
    path: ["firstTimeCount"],
    error: "workspace.attendance.firstTimeTooMany",
  });

export const hostSchema = z.object({
  intent: z.enum(["host-take", "host-release", "host-assign"]),
  occurrenceId: z.uuid(),
  userId: z.union([z.uuid(), z.literal("")]).optional(),
});
