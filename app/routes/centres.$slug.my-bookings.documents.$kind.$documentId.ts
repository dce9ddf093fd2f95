import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server";
import { findCentreBySlug } from "~/domain/centre/centres.server";
import { pdfResponse } from "~/domain/money/document-pdf.server";
import { creditNoteDocument, invoiceDocument } from "~/domain/money/documents.server";
import { organisationsOfUser } from "~/domain/workspace/organisations.server";
import { orNotFound } from "~/lib/workspace-route.server";

/**
 * A hirer downloads an invoice or credit note of one of their own organisations as PDF
 * (/centres/<slug>/my-bookings/documents/invoice|credit-note/<id>); another organisation's is not found.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const centre = await findCentreBySlug(params.slug ?? "");
  const kind = params.kind;
  if (!centre || (kind !== "invoice" && kind !== "credit-note") || !z.uuid().safeParse(params.documentId).success)
    throw new Response("Not found", { status: 404 });
  const user = await requireUser(request);
  const organisationIds = (await organisationsOfUser(centre.id, user.id)).map((organisation) => organisation.id);
  const read = kind === "invoice" ? invoiceDocument : creditNoteDocument;
  return pdfResponse(await orNotFound(read(centre.id, params.documentId!, { organisationIds })));
}
