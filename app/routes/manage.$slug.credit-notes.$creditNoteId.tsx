import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCentrePermission } from "~/auth/guards.server";
import { MoneyDocumentView } from "~/components/money-document";
import { creditNoteDocument } from "~/domain/money/documents.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { catalogues } from "~/i18n/translate.server";
import { idParam, orNotFound } from "~/lib/workspace-route.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "refunds.document.creditNoteTitle", { number: data?.doc.number ?? "" });

/** One credit note as printed, in the language it was made in, with its PDF. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre } = await requireCentrePermission(request, params.slug, "centre.read");
  const id = idParam(params.creditNoteId);
  const doc = await orNotFound(creditNoteDocument(centre.id, id));
  const words = catalogues[doc.billing.locale];
  return {
    centre: { slug: centre.slug },
    id,
    doc,
    words: { workspace: { invoice: words.workspace.invoice }, refunds: { document: words.refunds.document } },
  };
}

export default function CreditNotePage() {
  const { centre, id, doc, words } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <p className="m-0 flex flex-wrap gap-4 print:hidden">
        <Link to={`/manage/${centre.slug}/refunds`}>{t("refunds.document.back")}</Link>
        <a href={`/manage/${centre.slug}/credit-notes/${id}/pdf`} download>
          {t("refunds.document.download")}
        </a>
      </p>
      <MoneyDocumentView doc={doc} words={words} />
    </>
  );
}
