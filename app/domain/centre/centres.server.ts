import { db } from "~/db/client.server";

/** The centres of this installation, for the start page. */
export function listCentres() {
  return db().centre.findMany({
    where: { active: true },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, city: true, street: true, postalCode: true, description: true },
  });
}

/** A centre by its public slug, or null. */
export function findCentreBySlug(slug: string) {
  return db().centre.findUnique({ where: { slug } });
}
