import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCentrePermission } from "~/auth/guards.server";
import { pdfResponse } from "~/domain/money/document-pdf.server";
import { invoiceDocument } from "~/domain/money/documents.server";
import { idParam, orNotFound } from "~/lib/workspace-route.server";

/** An invoice as PDF, for the centre's team. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre } = await requireCentrePermission(request, params.slug, "centre.read");
  return pdfResponse(await orNotFound(invoiceDocument(centre.id, idParam(params.invoiceId))));
}
