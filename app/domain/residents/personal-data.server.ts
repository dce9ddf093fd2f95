import { transaction } from "~/db/client.server";
import { recordAudit } from "../shared/audit.server";
import { RESIDENT_EMAIL_KINDS } from "./mail.server";
import { clock } from "~/lib/clock";

/**
 * Residents' personal data is kept only as long as needed. A centre sets
 * `personal_data_retention_days`; that many days after a date has ended, the sign-ups for it
 * and the company requests for it lose their name, email address, phone number and message.
 * The rows stay (without anyone's details) so counts of sign-ups remain right. A company
 * request without a date counts from when it was asked. The emails we sent residents about
 * these (kinds "signup-…" and "companion-…") are deleted from the outbox after the same
 * number of days. See docs/decisions/024-personal-data-retention.md.
 */
export async function anonymiseExpiredPersonalData(now = clock.now()) {
  return transaction(async (tx) => {
    const signups = await tx.$queryRaw<{ centre_id: string }[]>`
      UPDATE signups AS s
         SET name = '', email = NULL, phone = NULL,
             contact_key = 'anonymised:' || s.id::text,
             cancel_token_hash = 'anonymised:' || s.id::text,
             anonymised_at = ${now}
        FROM occurrences AS o, centres AS c
       WHERE s.occurrence_id = o.id AND c.id = s.centre_id AND s.anonymised_at IS NULL
         AND o.ends_at < ${now}::timestamptz - make_interval(days => c.personal_data_retention_days)
   RETURNING s.centre_id::text`;
    const requests = await tx.$queryRaw<{ centre_id: string }[]>`
      UPDATE companion_requests AS r
         SET name = '', email = NULL, phone = NULL, message = '', anonymised_at = ${now}
        FROM centres AS c
       WHERE c.id = r.centre_id AND r.anonymised_at IS NULL
         AND COALESCE((SELECT o.ends_at FROM occurrences AS o WHERE o.id = r.occurrence_id), r.created_at)
             < ${now}::timestamptz - make_interval(days => c.personal_data_retention_days)
   RETURNING r.centre_id::text`;
    const kinds = Object.values(RESIDENT_EMAIL_KINDS);
    const emails = await tx.$queryRaw<{ centre_id: string }[]>`
      DELETE FROM email_outbox AS e
       USING centres AS c
       WHERE c.id = e.centre_id AND e.kind = ANY(${kinds}::text[])
         AND e.created_at < ${now}::timestamptz - make_interval(days => c.personal_data_retention_days)
   RETURNING e.centre_id::text`;

    const perCentre = new Map<string, { signups: number; requests: number; emails: number }>();
    const count = (rows: { centre_id: string }[], field: "signups" | "requests" | "emails") => {
      for (const row of rows) {
        const entry = perCentre.get(row.centre_id) ?? { signups: 0, requests: 0, emails: 0 };
        entry[field] += 1;
        perCentre.set(row.centre_id, entry);
      }
    };
    count(signups, "signups");
    count(requests, "requests");
    count(emails, "emails");
    for (const [centreId, details] of perCentre) {
      await recordAudit(tx, {
        centreId,
        entityType: "centre",
        entityId: centreId,
        action: "personal-data-removed",
        details,
      });
    }
    return { signups: signups.length, requests: requests.length, emails: emails.length };
  });
}
