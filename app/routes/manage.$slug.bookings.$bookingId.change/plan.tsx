import { formatShortDate, formatTimeRange } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import type { previewPatternChange } from "~/domain/bookings/manager-changes.server";

/** The engine's plan for the change: what is moved, added, cancelled, and what clashes; saving only without a clash. */
export function ChangePlan({
  preview,
  allowOutsideOpeningHours,
  timeZone: tz,
}: {
  preview: Awaited<ReturnType<typeof previewPatternChange>>;
  allowOutsideOpeningHours: boolean;
  timeZone: string;
}) {
  const t = useT();
  const locale = useLocale();
  const say = (instant: string | Date) => formatShortDate(new Date(instant), tz, locale);
  const sayRange = (start: string | Date, end: string | Date) =>
    `${say(start)} ${formatTimeRange(new Date(start), new Date(end), tz, locale)}`;
  const blocking = preview.conflicts.filter(
    (conflict) => !(conflict.reason === "outside-opening-hours" && allowOutsideOpeningHours),
  );
  return (
    <section aria-labelledby="plan-title" className="card border-2 border-brand-700" id="plan">
      <h2 id="plan-title" className="mt-0">
        {t("workspace.change.planTitle")}
      </h2>
      <ul>
        <li>{t("workspace.change.updated", { count: preview.updated.length })}</li>
        <li>{t("workspace.change.added", { count: preview.added.length })}</li>
        <li>{t("workspace.change.cancelled", { count: preview.cancelled.length })}</li>
        {preview.exceptionsKept.length > 0 ? (
          <li>{t("workspace.change.exceptionsKept", { count: preview.exceptionsKept.length })}</li>
        ) : null}
        {preview.exceptionsDropped.length > 0 ? (
          <li>{t("workspace.change.exceptionsDropped", { count: preview.exceptionsDropped.length })}</li>
        ) : null}
      </ul>
      {preview.updated.length > 0 ? (
        <details>
          <summary className="cursor-pointer">{t("workspace.change.showUpdated")}</summary>
          <ul>
            {preview.updated.map((update) => (
              <li key={update.occurrenceId}>
                {say(update.from.startsAt)} → {sayRange(update.to.startsAt, update.to.endsAt)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {preview.added.length > 0 ? (
        <details>
          <summary className="cursor-pointer">{t("workspace.change.showAdded")}</summary>
          <ul>
            {preview.added.map((date) => (
              <li key={date.originalLocalStart}>
                {sayRange(date.startsAt, date.endsAt)}
                {date.cancelReason ? ` · ${date.cancelReason}` : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {preview.cancelled.length > 0 ? (
        <>
          <h3>{t("workspace.change.cancelledTitle")}</h3>
          <ul>
            {preview.cancelled.map((date) => (
              <li key={date.occurrenceId}>{say(date.startsAt)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t("workspace.change.conflictsTitle")}</h3>
      {preview.conflicts.length === 0 ? (
        <p>{t("workspace.change.noConflicts")}</p>
      ) : (
        <ul>
          {preview.conflicts.map((conflict) => (
            <li key={`${conflict.localStart}-${conflict.reason}-${conflict.other?.bookingId ?? ""}`}>
              <strong>{sayRange(conflict.startsAt, conflict.endsAt)}</strong>:{" "}
              {t(`workspace.conflict.${conflict.reason}`, { reason: conflict.closure?.reason ?? "" })}
              {conflict.other
                ? ` (${conflict.other.title ?? ""}, ${conflict.other.organisation ?? ""}, ${conflict.other.room})`
                : null}
            </li>
          ))}
        </ul>
      )}
      {blocking.length > 0 ? (
        <p className="font-bold">{t("workspace.change.fixConflicts")}</p>
      ) : (
        <button type="submit" name="intent" value="save" className="button">
          {t("workspace.change.save")}
        </button>
      )}
    </section>
  );
}
