import { Document, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatMoney, formatShortDate } from "~/i18n/format";
import { translator } from "~/i18n/translate.server";
import type { BillingSnapshot } from "./invoices.server";

/**
 * Invoices and credit notes as PDF (A4), in the language they were made in (their billing
 * snapshot), drawn with @react-pdf's primitives in the standard Helvetica font: who bills whom
 * (with KvK, VAT number and IBAN), the number and date, the lines with VAT per line, the totals.
 */

export interface MoneyDocument {
  kind: "invoice" | "credit-note";
  number: string;
  issuedAt: Date;
  dueAt?: Date;
  /** a credit note: the invoice it belongs to */
  invoiceNumber?: string | null;
  reason?: string;
  billing: BillingSnapshot;
  lines: { description: string; amountExclCents: number; vatBp: number | null; vatCents: number }[];
  totalExclCents: number;
  vatCents: number;
  totalInclCents: number;
  /** a deposit's credit note: no VAT, and a sentence why */
  deposit?: boolean;
}

const GREEN = "#0b5d3b";

const styles = StyleSheet.create({
  page: { padding: 44, fontFamily: "Helvetica", fontSize: 10, color: "#1a1a1a" },
  parties: { flexDirection: "row", justifyContent: "space-between", marginBottom: 24 },
  name: { fontFamily: "Helvetica-Bold", fontSize: 12 },
  bold: { fontFamily: "Helvetica-Bold" },
  title: { fontSize: 18, fontFamily: "Helvetica-Bold", color: GREEN, marginBottom: 8 },
  meta: { marginBottom: 12 },
  headRow: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: "#6b7280", paddingVertical: 3 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#d1d5db", paddingVertical: 3 },
  description: { flex: 3, paddingRight: 6 },
  number: { flex: 1, textAlign: "right" },
  totals: { marginTop: 10, marginLeft: "auto", width: 240 },
  totalRow: { flexDirection: "row", justifyContent: "space-between", paddingVertical: 2 },
  note: { marginTop: 14 },
});

function MoneyPdf({ doc }: { doc: MoneyDocument }) {
  const locale = doc.billing.locale;
  const t = translator(locale);
  const money = (cents: number) => formatMoney(cents, locale);
  const day = (date: Date) => formatShortDate(date, doc.billing.timeZone, locale);
  const { supplier, customer } = doc.billing;
  const rate = (vatBp: number | null) =>
    vatBp === null ? (doc.deposit ? t("refunds.document.noVat") : t("workspace.invoice.exempt")) : `${vatBp / 100}%`;
  return (
    <Document
      title={
        doc.kind === "invoice"
          ? t("refunds.document.invoiceTitle", { number: doc.number })
          : t("refunds.document.creditNoteTitle", { number: doc.number })
      }
      author={supplier.name}
      language={locale}
    >
      <Page size="A4" style={styles.page}>
        <View style={styles.parties}>
          <View>
            <Text style={styles.name}>{supplier.name}</Text>
            <Text>{supplier.street}</Text>
            <Text>
              {supplier.postalCode} {supplier.city}
            </Text>
            {supplier.email ? <Text>{supplier.email}</Text> : null}
            {supplier.kvkNumber ? <Text>{t("workspace.invoice.kvk", { number: supplier.kvkNumber })}</Text> : null}
            {supplier.vatNumber ? (
              <Text>{t("workspace.invoice.vatNumber", { number: supplier.vatNumber })}</Text>
            ) : null}
            {supplier.iban ? <Text>{t("workspace.invoice.iban", { iban: supplier.iban })}</Text> : null}
          </View>
          <View>
            <Text style={styles.bold}>{t("workspace.invoice.to")}</Text>
            <Text>{customer.name}</Text>
            {customer.address ? <Text>{customer.address}</Text> : null}
            {customer.postalCode || customer.city ? (
              <Text>
                {customer.postalCode ?? ""} {customer.city ?? ""}
              </Text>
            ) : null}
            {customer.vatNumber ? (
              <Text>{t("workspace.invoice.vatNumber", { number: customer.vatNumber })}</Text>
            ) : null}
          </View>
        </View>
        <Text style={styles.title}>
          {doc.kind === "invoice"
            ? t("refunds.document.invoiceTitle", { number: doc.number })
            : t("refunds.document.creditNoteTitle", { number: doc.number })}
        </Text>
        <View style={styles.meta}>
          <Text>
            {t("refunds.document.date")}: {day(doc.issuedAt)}
          </Text>
          {doc.dueAt ? (
            <Text>
              {t("workspace.invoice.due")}: {day(doc.dueAt)}
            </Text>
          ) : null}
          {doc.invoiceNumber ? (
            <Text>
              {t("refunds.document.invoiceRef")}: {doc.invoiceNumber}
            </Text>
          ) : null}
          {doc.reason ? (
            <Text>
              {t("refunds.document.reason")}: {doc.reason}
            </Text>
          ) : null}
        </View>
        <View style={styles.headRow}>
          <Text style={[styles.description, styles.bold]}>{t("refunds.document.description")}</Text>
          <Text style={[styles.number, styles.bold]}>{t("refunds.document.excl")}</Text>
          <Text style={[styles.number, styles.bold]}>{t("refunds.document.vatRate")}</Text>
          <Text style={[styles.number, styles.bold]}>{t("refunds.document.vat")}</Text>
        </View>
        {doc.lines.map((line, index) => (
          <View key={index} style={styles.row} wrap={false}>
            <Text style={styles.description}>{line.description}</Text>
            <Text style={styles.number}>{money(line.amountExclCents)}</Text>
            <Text style={styles.number}>{rate(line.vatBp)}</Text>
            <Text style={styles.number}>{money(line.vatCents)}</Text>
          </View>
        ))}
        <View style={styles.totals}>
          <View style={styles.totalRow}>
            <Text>{t("refunds.document.totalExcl")}</Text>
            <Text>{money(doc.totalExclCents)}</Text>
          </View>
          <View style={styles.totalRow}>
            <Text>{t("refunds.document.vat")}</Text>
            <Text>{money(doc.vatCents)}</Text>
          </View>
          <View style={styles.totalRow}>
            <Text style={styles.bold}>
              {doc.kind === "invoice" ? t("refunds.document.total") : t("refunds.document.totalIncl")}
            </Text>
            <Text style={styles.bold}>{money(doc.totalInclCents)}</Text>
          </View>
        </View>
        {doc.deposit ? <Text style={styles.note}>{t("refunds.document.depositNote")}</Text> : null}
        {doc.kind === "credit-note" ? <Text style={styles.note}>{t("refunds.document.paidBackHow")}</Text> : null}
      </Page>
    </Document>
  );
}

/** The document as PDF bytes. */
async function renderMoneyDocument(doc: MoneyDocument): Promise<Buffer> {
  return renderToBuffer(<MoneyPdf doc={doc} />);
}

/** The PDF response of a document, to download as "<number>.pdf". */
export async function pdfResponse(doc: MoneyDocument): Promise<Response> {
  const pdf = await renderMoneyDocument(doc);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${doc.number.replace(/[^A-Za-z0-9_-]/g, "_")}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
