import { stringify } from "csv-stringify/sync";
import type { Locale } from "~/i18n/catalogue";
import type { Key, Translate } from "~/i18n/translate";
import { cellKind, isLabelCell, type ReportTable } from "./tables";

/**
 * Tables as CSV files for spreadsheets (pure). Dutch files use ";" between fields and a decimal
 * comma, as Dutch Excel expects; English files "," and a decimal point. A byte-order mark makes
 * Excel read the file as UTF-8. Numbers are written plainly (no thousands separators, money in
 * euros with two decimals, percentages as numbers); dates as YYYY-MM-DD.
 */

/**
 * Text that a spreadsheet would run as a formula (starting with =, +, -, @, or a tab or
 * carriage return) gets a leading apostrophe, so it stays text (OWASP "CSV injection").
 */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function plainNumber(value: number, digits: number, locale: Locale): string {
  const text = value.toFixed(digits);
  return locale === "nl" ? text.replace(".", ",") : text;
}

export function tableToCsv(table: ReportTable, t: Translate, locale: Locale): string {
  const header = table.columns.map((column) => {
    const label = t(column.label);
    if (column.kind === "percent") return `${label} (%)`;
    if (column.kind === "money") return `${label} (€)`;
    return label;
  });
  const rows = table.rows.map((row) =>
    table.columns.map((column) => {
      const value = row[column.key];
      if (value === null || value === undefined) return "";
      if (isLabelCell(column, row)) return neutraliseCell(t(value as Key));
      const kind = cellKind(column, row);
      switch (kind) {
        case "hours":
          return plainNumber(Number(value), 2, locale);
        case "percent":
          return plainNumber(Number(value) * 100, 1, locale);
        case "count":
          return String(Math.round(Number(value)));
        case "money":
          return plainNumber(Number(value) / 100, 2, locale);
        case "decimal":
          return plainNumber(Number(value), 3, locale);
        case "month":
          return String(value).slice(0, 7);
        case "date":
          return String(value);
        case "tier":
          return t(`tier.${value}` as Key);
        case "weekday":
          return t(`reports.weekday.${value}` as Key);
        case "dayPart":
          return t(`reports.dayPart.${value}` as Key);
        case "hour":
          return `${String(value).padStart(2, "0")}:00-${String(Number(value) + 1).padStart(2, "0")}:00`;
        case "text":
          return neutraliseCell(String(value));
      }
    }),
  );
  return `\uFEFF${stringify([header, ...rows], { delimiter: locale === "nl" ? ";" : ",", record_delimiter: "\r\n" })}`;
}
