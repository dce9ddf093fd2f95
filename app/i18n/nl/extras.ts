/**
 * Extra's op de rekening (koffie en thee, een beamer, de geluidsinstallatie) en de borg per
 * ruimte. Taalniveau B1: korte zinnen, gewone woorden.
 */
export const extras = {
  unit: {
    PER_BOOKING: "Per keer",
    PER_PERSON: "Per persoon",
    PER_HOUR: "Per uur",
  },
  per: {
    PER_BOOKING: "per keer",
    PER_PERSON: "per persoon",
    PER_HOUR: "per uur",
  },
  vat: "{percent}% btw",
  refusal: {
    notOffered: "Deze extra kunt u niet kiezen. Kies alleen extra's uit de lijst.",
    nameTaken: "Er is al een extra met de naam {name}. Kies een andere naam.",
    vatInvalid: "Kies 9% of 21% btw.",
    priceInvalid: "Vul een bedrag in euro's in, bijvoorbeeld 2,50.",
  },
  settings: {
    about: "Koffie, thee, een beamer: wat het kost per groep en met hoeveel btw.",
    navLabel: "Extra's",
    title: "Extra's",
    intro:
      "Extra's komen bij de prijs van de ruimte, op elke datum die doorgaat. Geef per groep een prijs zonder btw. Een groep zonder prijs kan de extra niet kiezen.",
    add: "Nieuwe extra",
    none: "Er zijn nog geen extra's.",
    name: "Naam",
    unit: "Hoe vaak rekenen",
    vatRate: "Btw",
    vat9: "9% (bijvoorbeeld eten en drinken)",
    vat21: "21% (bijvoorbeeld apparatuur)",
    prices: "Prijs zonder btw per groep",
    priceHint: "Leeg laten: deze groep kan de extra niet kiezen.",
    active: "Aan (mensen kunnen deze extra kiezen)",
    inactive: "Uit",
    save: "Extra opslaan",
    addButton: "Extra toevoegen",
    saved: "{name} is opgeslagen.",
    notOffered: "niet",
  },
  form: {
    legend: "Extra's",
    hint: "Extra's kosten geld op elke datum. Koffie en thee per persoon rekenen we met het aantal mensen.",
    option: "{name}: {price} {per} (+ {percent}% btw)",
    none: "Voor uw groep zijn er geen extra's.",
  },
  review: {
    perDate: "per datum",
    title: "Extra's",
    date: "Datum",
    extra: "Extra",
    amount: "Bedrag zonder btw",
    room: "Ruimte",
    extrasTotal: "Extra's",
    vatAt: "Btw {percent}%",
    total: "Totaal met btw",
    deposit: "Borg",
    depositNote: "De borg betaalt u apart. U krijgt hem terug na afloop, als alles in orde is.",
  },
  invoiceLine: "{name} ({title}, {when})",
  deposits: {
    legend: "Borg per groep",
    intro: "Een borg voor deze ruimte, bijvoorbeeld voor feesten. Leeg laten: geen borg.",
    save: "Borg opslaan",
    saved: "De borg is opgeslagen.",
  },
  report: {
    extrasTitle: "Extra's per groep",
    extrasInvoiced: "Extra's gefactureerd (met btw)",
    depositsHeld: "Borg in bewaring (geen omzet)",
  },
};
