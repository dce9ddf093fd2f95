import { useId, type ReactNode } from "react";
import {
  CHART_COLOURS,
  columnBars,
  heatGrid,
  horizontalBars,
  type BarItem,
  type HeatInput,
} from "~/domain/reports/charts";
import { formatCell, formatPercent } from "~/domain/reports/format";
import { cellKind, isLabelCell, type ReportRow, type ReportTable } from "~/domain/reports/tables";
import { useLocale, useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";

/**
 * The report's building blocks on the page: tables (with a CSV link each) and three charts
 * drawn as plain SVG from the geometry in app/domain/reports/charts.ts. A chart is a picture
 * with a caption; its figures follow right below it as a table.
 */

function cellText(
  table: ReportTable,
  row: ReportRow,
  columnIndex: number,
  t: ReturnType<typeof useT>,
  locale: ReturnType<typeof useLocale>,
) {
  const column = table.columns[columnIndex]!;
  const value = row[column.key] ?? null;
  if (isLabelCell(column, row) && typeof value === "string") return t(value as Key);
  if (value === null && row._total && columnIndex === 0) return t("reports.tables.total");
  return formatCell(cellKind(column, row), value, t, locale);
}

export function ReportTableView({
  table,
  csvHref,
  caption,
}: {
  table: ReportTable;
  csvHref?: string;
  caption?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const title = caption ?? t(table.title);
  return (
    <div className="mb-6">
      {table.rows.length === 0 ? (
        <p>
          <strong>{title}:</strong> {t("reports.tables.empty")}
        </p>
      ) : (
        <ScrollRegion label={title}>
          <table className="report-table w-full border-collapse text-left">
            <caption className="mb-2 text-left font-bold">{title}</caption>
            <thead>
              <tr className="border-b-2 border-gray-500">
                {table.columns.map((column, index) => (
                  <th
                    key={column.key}
                    scope="col"
                    className={`px-2 py-2 align-bottom ${index === 0 || cellKind(column, table.rows[0]!) === "text" ? "" : "text-right"}`}
                  >
                    {t(column.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, rowIndex) => (
                <tr key={rowIndex} className={`border-b border-gray-200 align-top ${row._total ? "font-bold" : ""}`}>
                  {table.columns.map((column, index) => {
                    const text = cellText(table, row, index, t, locale);
                    const numeric =
                      index > 0 &&
                      !["text", "tier", "weekday", "dayPart", "month", "date", "hour"].includes(cellKind(column, row));
                    return index === 0 ? (
                      <th
                        key={column.key}
                        scope="row"
                        className="px-2 py-2 font-normal"
                        style={row._total ? { fontWeight: 700 } : undefined}
                      >
                        {text}
                      </th>
                    ) : (
                      <td key={column.key} className={`px-2 py-2 ${numeric ? "text-right tabular-nums" : ""}`}>
                        {text}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {csvHref ? <CsvLink href={csvHref} table={title} /> : null}
    </div>
  );
}

/**
 * On a narrow screen a wide table or chart keeps a readable size and scrolls sideways; the
 * region can be reached with the keyboard to scroll it.
 */
function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

function CsvLink({ href, table }: { href: string; table: string }) {
  const t = useT();
  return (
    <p className="mt-2">
      <a href={href} download>
        {t("reports.tables.csv", { table })}
      </a>
    </p>
  );
}

/** A chart: its caption, the picture (scrolling sideways when narrow; its table follows anyway), then its legend. */
function ChartFigure({
  title,
  size,
  intro,
  legend,
  children,
}: {
  title: string;
  size: { width: number; height: number };
  intro?: ReactNode;
  legend: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <figure className="m-0 mb-3">
      <figcaption id={id} className="font-bold">
        {title}
      </figcaption>
      {intro}
      <ScrollRegion label={title}>
        <svg
          role="img"
          aria-labelledby={id}
          viewBox={`0 0 ${size.width} ${size.height}`}
          width="100%"
          style={{ maxWidth: size.width, minWidth: 440 }}
        >
          {children}
        </svg>
      </ScrollRegion>
      {legend}
    </figure>
  );
}

function Legend() {
  const t = useT();
  return (
    <p className="m-0 flex flex-wrap gap-4 text-muted" aria-hidden="true">
      <span className="inline-flex items-center gap-2">
        <span className="inline-block h-3 w-5" style={{ background: CHART_COLOURS.bar }} />
        {t("reports.charts.thisPeriod")}
      </span>
      <span className="inline-flex items-center gap-2">
        <span className="inline-block h-1.5 w-5" style={{ background: CHART_COLOURS.previous }} />
        {t("reports.charts.lastYear")}
      </span>
    </p>
  );
}

/** Occupancy per room: a bar per room, a thin grey bar for a year earlier. */
export function RoomBars({ title, items }: { title: string; items: BarItem[] }) {
  const t = useT();
  if (items.length === 0) return <p>{t("reports.charts.empty")}</p>;
  const chart = horizontalBars(items);
  return (
    <ChartFigure title={title} size={chart} legend={<Legend />}>
      {chart.grid.map((line) => (
        <g key={line.x}>
          <line x1={line.x} x2={line.x} y1={16} y2={chart.height} stroke={CHART_COLOURS.grid} />
          <text x={line.x} y={12} fontSize={13} textAnchor="middle" fill={CHART_COLOURS.muted}>
            {line.label}
          </text>
        </g>
      ))}
      {chart.rows.map((row) => (
        <g key={row.label}>
          <text x={chart.labelWidth - 8} y={row.barY + 13} fontSize={15} textAnchor="end" fill={CHART_COLOURS.text}>
            {row.label.length > 24 ? `${row.label.slice(0, 23)}…` : row.label}
          </text>
          <rect
            x={chart.labelWidth}
            y={row.barY}
            width={row.barWidth}
            height={row.barHeight}
            fill={CHART_COLOURS.bar}
          />
          {row.previousWidth !== null ? (
            <rect
              x={chart.labelWidth}
              y={row.previousY}
              width={row.previousWidth}
              height={5}
              fill={CHART_COLOURS.previous}
            />
          ) : null}
          <text x={chart.labelWidth + chart.plotWidth + 6} y={row.barY + 13} fontSize={15} fill={CHART_COLOURS.text}>
            {row.valueText}
          </text>
        </g>
      ))}
    </ChartFigure>
  );
}

/** Occupancy per month: a column per month, a narrow grey column for a year earlier. */
export function MonthColumns({ title, items }: { title: string; items: BarItem[] }) {
  const t = useT();
  if (items.length === 0) return <p>{t("reports.charts.empty")}</p>;
  const chart = columnBars(items);
  return (
    <ChartFigure title={title} size={chart} legend={<Legend />}>
      {chart.grid.map((line) => (
        <g key={line.y}>
          <line x1={chart.left} x2={chart.width} y1={line.y} y2={line.y} stroke={CHART_COLOURS.grid} />
          <text x={chart.left - 6} y={line.y + 4} fontSize={13} textAnchor="end" fill={CHART_COLOURS.muted}>
            {line.label}
          </text>
        </g>
      ))}
      {chart.columns.map((column) => (
        <g key={column.label + column.x}>
          <rect x={column.x} y={column.y} width={column.width} height={column.height} fill={CHART_COLOURS.bar} />
          {column.previousY !== null ? (
            <rect
              x={column.previousX}
              y={column.previousY}
              width={6}
              height={column.previousHeight}
              fill={CHART_COLOURS.previous}
            />
          ) : null}
          <text x={column.labelX} y={chart.plotBottom + 18} fontSize={14} textAnchor="middle" fill={CHART_COLOURS.text}>
            {column.label}
          </text>
        </g>
      ))}
    </ChartFigure>
  );
}

/** Weekday × hour: darker is busier; a dash marks an hour in which no room is open. */
export function HeatMap({ title, cells }: { title: string; cells: HeatInput[] }) {
  const t = useT();
  if (cells.length === 0) return <p>{t("reports.charts.empty")}</p>;
  const grid = heatGrid(cells);
  return (
    <ChartFigure
      title={title}
      size={grid}
      intro={<p className="m-0 mb-2 text-muted">{t("reports.charts.heatIntro")}</p>}
      legend={
        <p className="m-0 flex items-center gap-2 text-muted" aria-hidden="true">
          <span>{t("reports.charts.legendLow")}</span>
          <span
            className="inline-block h-3 w-24"
            style={{ background: "linear-gradient(to right, #f3faf6, #08472d)" }}
          />
          <span>{t("reports.charts.legendHigh")}</span>
        </p>
      }
    >
      {grid.hours.map((hour) => (
        <text key={hour.hour} x={hour.x} y={14} fontSize={13} textAnchor="middle" fill={CHART_COLOURS.muted}>
          {String(hour.hour).padStart(2, "0")}
        </text>
      ))}
      {grid.weekdays.map((weekday) => (
        <text
          key={weekday.weekday}
          x={grid.left - 6}
          y={weekday.y + 4}
          fontSize={14}
          textAnchor="end"
          fill={CHART_COLOURS.text}
        >
          {t(`reports.weekdayShort.${weekday.weekday}` as Key)}
        </text>
      ))}
      {grid.cells.map((cell) => (
        <g key={`${cell.weekday}-${cell.hour}`}>
          <rect
            x={cell.x + 1}
            y={cell.y + 1}
            width={grid.cell - 2}
            height={grid.cell - 2}
            fill={cell.fill}
            stroke={CHART_COLOURS.grid}
          />
          {cell.closed ? (
            <line
              x1={cell.x + grid.cell * 0.35}
              x2={cell.x + grid.cell * 0.65}
              y1={cell.y + grid.cell / 2}
              y2={cell.y + grid.cell / 2}
              stroke={CHART_COLOURS.closedMark}
              strokeWidth={2}
            />
          ) : null}
        </g>
      ))}
    </ChartFigure>
  );
}

/** The heat map's figures as a weekday × hour table (the CSV has the long form). */
export function HeatTable({ cells, csvHref }: { cells: HeatInput[]; csvHref: string }) {
  const t = useT();
  const locale = useLocale();
  const title = t("reports.tables.heat");
  const hours = [...new Set(cells.map((cell) => cell.hour))].sort((a, b) => a - b);
  if (hours.length === 0) return null;
  return (
    <div className="mb-6">
      <ScrollRegion label={title}>
        <table className="report-table border-collapse text-left text-sm">
          <caption className="mb-2 text-left font-bold">{title}</caption>
          <thead>
            <tr className="border-b-2 border-gray-500">
              <th scope="col" className="px-1 py-1">
                {t("reports.columns.weekday")}
              </th>
              {hours.map((hour) => (
                <th key={hour} scope="col" className="px-1 py-1 text-right">
                  {t("reports.hourRange", {
                    from: String(hour).padStart(2, "0"),
                    to: String(hour + 1).padStart(2, "0"),
                  })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[1, 2, 3, 4, 5, 6, 7].map((weekday) => (
              <tr key={weekday} className="border-b border-gray-200">
                <th scope="row" className="px-1 py-1 font-normal">
                  {t(`reports.weekday.${weekday}` as Key)}
                </th>
                {hours.map((hour) => {
                  const cell = cells.find((candidate) => candidate.weekday === weekday && candidate.hour === hour);
                  return (
                    <td key={hour} className="px-1 py-1 text-right tabular-nums">
                      {!cell || cell.availableHours <= 0
                        ? t("reports.charts.heatClosed")
                        : formatPercent(cell.occupancy, locale)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <CsvLink href={csvHref} table={title} />
    </div>
  );
}
