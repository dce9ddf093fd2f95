import { z } from "zod";

/**
 * The hidden key of every form that creates something: a fresh UUID from the page's loader,
 * stored with the form's work (submissions.server.ts), so the same form sent twice does its
 * work once. Missing or malformed: the page was not ours or is too old.
 */
export const submissionKeyField = z.uuid({ error: "forms.expired" });
