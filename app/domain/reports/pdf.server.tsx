import { Document, Font, G, Line, Page, Rect, renderToBuffer, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import type { Locale } from "~/i18n/catalogue";
import { localDateAt } from "../time/time-zone";
import type { Key, Translate } from "~/i18n/translate";
import { CHART_COLOURS, columnBars, heatGrid, horizontalBars, type BarItem, type HeatInput } from "./charts";
import { monthBarItems, roomBarItems } from "./chart-data";
import { formatCell, formatDate, formatPeriod } from "./format";
import type { CentreReport } from "./report.server";
import { DEFINITION_KEYS, reportSentences } from "./sentences";
import { cellKind, centreTables, isLabelCell, type ReportTable } from "./tables";

/**
 * The annual report as a PDF (A4), ready to attach to a subsidy application: the centre, the
 * period, the key figures in words and in a table, the three charts, the main tables and the
 * definitions. Drawn with @react-pdf's own primitives from the same chart geometry and tables
 * as the page, in the standard Helvetica font (no font files needed).
 */

const GREEN = "#0b5d3b";

// Words are never broken: @react-pdf's hyphenation follows English rules ("organ-isatie").
Font.registerHyphenationCallback((word) => [word]);

const styles = StyleSheet.create({
  // No lineHeight on the page itself: it keeps @react-pdf from drawing the fixed footer.
  page: {
    paddingTop: 40,
    paddingBottom: 56,
    paddingHorizontal: 44,
    fontFamily: "Helvetica",
    fontSize: 10,
    color: "#1a1a1a",
  },
  title: { fontSize: 20, fontFamily: "Helvetica-Bold", color: GREEN, marginBottom: 8 },
  subtitle: { fontSize: 13, marginBottom: 2 },
  muted: { color: "#4a4a4a" },
  h2: { fontSize: 13, fontFamily: "Helvetica-Bold", color: GREEN, marginTop: 14, marginBottom: 6 },
  h3: { fontSize: 11, fontFamily: "Helvetica-Bold", marginTop: 10, marginBottom: 4 },
  sentence: { marginBottom: 4 },
  paragraph: { marginBottom: 8 },
  table: { marginBottom: 8, borderTopWidth: 1, borderTopColor: "#6b7280", fontSize: 8.5 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#d1d5db", paddingVertical: 2.5 },
  headRow: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: "#6b7280", paddingVertical: 3 },
  cell: { flex: 1, paddingHorizontal: 3 },
  textCell: { flex: 1.7, paddingHorizontal: 3 },
  firstCell: { flex: 2.3, paddingHorizontal: 3 },
  number: { textAlign: "right" },
  bold: { fontFamily: "Helvetica-Bold" },
  footer: {
    position: "absolute",
    bottom: 24,
    left: 44,
    right: 44,
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: 8,
    color: "#4a4a4a",
  },
  legend: { flexDirection: "row", gap: 12, fontSize: 8, color: "#4a4a4a", marginTop: 2, marginBottom: 6 },
});

const NUMERIC = new Set(["hours", "percent", "count", "money", "decimal"]);

function cellStyle(index: number, kind: string) {
  if (index === 0) return styles.firstCell;
  return NUMERIC.has(kind) ? [styles.cell, styles.number] : styles.textCell;
}

function PdfTable({
  table,
  t,
  locale,
  maxRows,
}: {
  table: ReportTable;
  t: Translate;
  locale: Locale;
  maxRows?: number;
}) {
  const rows = maxRows ? table.rows.slice(0, maxRows) : table.rows;
  return (
    <View wrap={false} style={{ marginBottom: 6 }}>
      <Text style={styles.h3}>{t(table.title)}</Text>
      {rows.length === 0 ? (
        <Text style={styles.muted}>{t("reports.tables.empty")}</Text>
      ) : (
        <View style={styles.table}>
          <View style={styles.headRow}>
            {table.columns.map((column, index) => (
              <Text key={column.key} style={[cellStyle(index, cellKind(column, rows[0]!)), styles.bold].flat()}>
                {t(column.label)}
              </Text>
            ))}
          </View>
          {rows.map((row, rowIndex) => (
            <View key={rowIndex} style={styles.row}>
              {table.columns.map((column, index) => {
                const value = row[column.key] ?? null;
                const kind = cellKind(column, row);
                const text =
                  isLabelCell(column, row) && typeof value === "string"
                    ? t(value as Key)
                    : value === null && row._total && index === 0
                      ? t("reports.tables.total")
                      : formatCell(kind, value, t, locale);
                return (
                  <Text key={column.key} style={[cellStyle(index, kind), row._total ? styles.bold : {}].flat()}>
                    {text}
                  </Text>
                );
              })}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

function Legend({ t }: { t: Translate }) {
  return (
    <View style={styles.legend}>
      <View style={{ flexDirection: "row", alignItems: "center", gap: 4 }}>
        <View style={{ width: 14, height: 7, backgroundColor: CHART_COLOURS.bar }} />
        <Text>{t("reports.charts.thisPeriod")}</Text>
      </View>
      <View style={{ flexDirection: "row", alignItems: "center", gap: 4 }}>
        <View style={{ width: 14, height: 3, backgroundColor: CHART_COLOURS.previous }} />
        <Text>{t("reports.charts.lastYear")}</Text>
      </View>
    </View>
  );
}

const CHART_WIDTH = 507; // A4 width minus margins, in points

function RoomChart({ items, t }: { items: BarItem[]; t: Translate }) {
  const chart = horizontalBars(items, CHART_WIDTH);
  return (
    <View wrap={false}>
      <Text style={styles.h3}>{t("reports.charts.rooms")}</Text>
      <Svg width={chart.width} height={chart.height}>
        {chart.grid.map((line) => (
          <G key={line.x}>
            <Line x1={line.x} x2={line.x} y1={16} y2={chart.height} stroke={CHART_COLOURS.grid} strokeWidth={0.5} />
            <Text x={line.x} y={11} textAnchor="middle" style={{ fontSize: 7 }} fill={CHART_COLOURS.muted}>
              {line.label}
            </Text>
          </G>
        ))}
        {chart.rows.map((row) => (
          <G key={row.label}>
            <Text
              x={chart.labelWidth - 6}
              y={row.barY + 12}
              textAnchor="end"
              style={{ fontSize: 9 }}
              fill={CHART_COLOURS.text}
            >
              {row.label.length > 28 ? `${row.label.slice(0, 27)}…` : row.label}
            </Text>
            <Rect
              x={chart.labelWidth}
              y={row.barY}
              width={Math.max(row.barWidth, 0.01)}
              height={row.barHeight}
              fill={CHART_COLOURS.bar}
            />
            {row.previousWidth !== null ? (
              <Rect
                x={chart.labelWidth}
                y={row.previousY}
                width={Math.max(row.previousWidth, 0.01)}
                height={4}
                fill={CHART_COLOURS.previous}
              />
            ) : null}
            <Text
              x={chart.labelWidth + chart.plotWidth + 5}
              y={row.barY + 12}
              style={{ fontSize: 9 }}
              fill={CHART_COLOURS.text}
            >
              {row.valueText}
            </Text>
          </G>
        ))}
      </Svg>
      <Legend t={t} />
    </View>
  );
}

function MonthChart({ items, t }: { items: BarItem[]; t: Translate }) {
  const chart = columnBars(items, CHART_WIDTH, 200);
  return (
    <View wrap={false}>
      <Text style={styles.h3}>{t("reports.charts.months")}</Text>
      <Svg width={chart.width} height={chart.height}>
        {chart.grid.map((line) => (
          <G key={line.y}>
            <Line
              x1={chart.left}
              x2={chart.width}
              y1={line.y}
              y2={line.y}
              stroke={CHART_COLOURS.grid}
              strokeWidth={0.5}
            />
            <Text x={chart.left - 5} y={line.y + 3} textAnchor="end" style={{ fontSize: 7 }} fill={CHART_COLOURS.muted}>
              {line.label}
            </Text>
          </G>
        ))}
        {chart.columns.map((column) => (
          <G key={column.label + column.x}>
            <Rect
              x={column.x}
              y={column.y}
              width={column.width}
              height={Math.max(column.height, 0.01)}
              fill={CHART_COLOURS.bar}
            />
            {column.previousY !== null ? (
              <Rect
                x={column.previousX}
                y={column.previousY}
                width={5}
                height={Math.max(column.previousHeight, 0.01)}
                fill={CHART_COLOURS.previous}
              />
            ) : null}
            <Text
              x={column.labelX}
              y={chart.plotBottom + 14}
              textAnchor="middle"
              style={{ fontSize: 8 }}
              fill={CHART_COLOURS.text}
            >
              {column.label}
            </Text>
          </G>
        ))}
      </Svg>
      <Legend t={t} />
    </View>
  );
}

function HeatChart({ cells, t }: { cells: HeatInput[]; t: Translate }) {
  if (cells.length === 0) return null;
  const grid = heatGrid(cells, CHART_WIDTH);
  return (
    <View wrap={false}>
      <Text style={styles.h3}>{t("reports.charts.heat")}</Text>
      <Text style={[styles.muted, { fontSize: 8, marginBottom: 4 }]}>{t("reports.charts.heatIntro")}</Text>
      <Svg width={grid.width} height={grid.height}>
        {grid.hours.map((hour) => (
          <Text
            key={hour.hour}
            x={hour.x}
            y={13}
            textAnchor="middle"
            style={{ fontSize: 7 }}
            fill={CHART_COLOURS.muted}
          >
            {String(hour.hour).padStart(2, "0")}
          </Text>
        ))}
        {grid.weekdays.map((weekday) => (
          <Text
            key={weekday.weekday}
            x={grid.left - 5}
            y={weekday.y + 3}
            textAnchor="end"
            style={{ fontSize: 8 }}
            fill={CHART_COLOURS.text}
          >
            {t(`reports.weekdayShort.${weekday.weekday}` as Key)}
          </Text>
        ))}
        {grid.cells.map((cell) => (
          <G key={`${cell.weekday}-${cell.hour}`}>
            <Rect
              x={cell.x + 1}
              y={cell.y + 1}
              width={grid.cell - 2}
              height={grid.cell - 2}
              fill={cell.fill}
              stroke={CHART_COLOURS.grid}
              strokeWidth={0.5}
            />
            {cell.closed ? (
              <Line
                x1={cell.x + grid.cell * 0.35}
                x2={cell.x + grid.cell * 0.65}
                y1={cell.y + grid.cell / 2}
                y2={cell.y + grid.cell / 2}
                stroke={CHART_COLOURS.closedMark}
                strokeWidth={1.2}
              />
            ) : null}
          </G>
        ))}
      </Svg>
    </View>
  );
}

function Footer({ t, report, locale }: { t: Translate; report: CentreReport; locale: Locale }) {
  return (
    <View style={styles.footer} fixed>
      <Text style={{ flex: 1 }}>
        {report.centre.name} ·{" "}
        {t("reports.pdf.madeWith", {
          date: formatDate(localDateAt(new Date(report.generatedAt), report.centre.timeZone), locale),
        })}
      </Text>
      <Text
        style={{ width: 100, textAlign: "right" }}
        render={({ pageNumber, totalPages }) => t("reports.pdf.page", { page: pageNumber, pages: totalPages })}
      />
    </View>
  );
}

function Sentences({ lines }: { lines: string[] }) {
  return (
    <View>
      {lines.map((line) => (
        <Text key={line} style={styles.sentence}>
          • {line}
        </Text>
      ))}
    </View>
  );
}

function AnnualReport({ report, t, locale }: { report: CentreReport; t: Translate; locale: Locale }) {
  const tables = centreTables(report);
  const sentences = reportSentences(report, t, locale);
  const { current, previous } = report;
  const period = formatPeriod(current.period, t, locale);
  return (
    <Document
      title={t("reports.pdf.title", { name: report.centre.name })}
      author={report.centre.name}
      subject={period}
      language={locale}
      creator="Buurtrooster"
      producer="Buurtrooster"
    >
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>{t("reports.pdf.title", { name: report.centre.name })}</Text>
        <Text style={styles.subtitle}>{t("reports.pdf.subtitle", { period })}</Text>
        <Text style={styles.muted}>
          {t("reports.pdf.compared", { period: formatPeriod(previous.period, t, locale) })}
        </Text>
        <Text style={styles.h2}>{t("reports.sections.summary")}</Text>
        <Sentences lines={[...sentences.summary, ...sentences.rooms]} />
        <PdfTable table={tables["key-figures"]} t={t} locale={locale} />
        <Footer t={t} report={report} locale={locale} />
      </Page>
      <Page size="A4" style={styles.page}>
        <Text style={styles.h2}>{t("reports.sections.occupancy")}</Text>
        <RoomChart t={t} items={roomBarItems(report, locale)} />
        <PdfTable table={tables.rooms} t={t} locale={locale} />
        <MonthChart t={t} items={monthBarItems(report, locale)} />
        <Footer t={t} report={report} locale={locale} />
      </Page>
      <Page size="A4" style={styles.page}>
        <Text style={styles.h2}>{t("reports.sections.clock")}</Text>
        <Sentences lines={sentences.clock} />
        <HeatChart cells={current.clock.heat} t={t} />
        <PdfTable table={tables["day-parts"]} t={t} locale={locale} />
        <Text style={styles.h2}>{t("reports.sections.users")}</Text>
        <Sentences lines={sentences.users} />
        <PdfTable table={tables.tiers} t={t} locale={locale} />
        <Footer t={t} report={report} locale={locale} />
      </Page>
      <Page size="A4" style={styles.page}>
        <Text style={styles.h2}>{t("reports.sections.visitors")}</Text>
        <Sentences lines={sentences.visitors} />
        <PdfTable table={tables["visitor-tiers"]} t={t} locale={locale} />
        <PdfTable table={tables.activities} t={t} locale={locale} maxRows={25} />
        <PdfTable table={tables.continuity} t={t} locale={locale} />
        <Text style={styles.h2}>{t("reports.sections.money")}</Text>
        <Sentences lines={sentences.money} />
        <PdfTable table={tables["revenue-tiers"]} t={t} locale={locale} />
        <PdfTable table={tables["revenue-rooms"]} t={t} locale={locale} />
        <Text style={styles.h2}>{t("reports.sections.energy")}</Text>
        <Sentences lines={sentences.energy} />
        <PdfTable table={tables.energy} t={t} locale={locale} />
        <Footer t={t} report={report} locale={locale} />
      </Page>
      <Page size="A4" style={styles.page}>
        <Text style={styles.h2}>{t("reports.sections.definitions")}</Text>
        {DEFINITION_KEYS.map((key) => (
          <Text key={key} style={styles.paragraph}>
            {t(key)}
          </Text>
        ))}
        <Footer t={t} report={report} locale={locale} />
      </Page>
    </Document>
  );
}

/** The annual report of `report` as PDF bytes. */
export async function renderAnnualReport(report: CentreReport, t: Translate, locale: Locale): Promise<Buffer> {
  return renderToBuffer(<AnnualReport report={report} t={t} locale={locale} />);
}
