import type { Catalogue } from "./catalogue";
import { account } from "./nl/account";
import { agenda } from "./nl/agenda";
import { invoices } from "./nl/invoices";
import { booking } from "./nl/booking";
import { payments } from "./nl/payments";
import { extras } from "./nl/extras";
import { workspace } from "./nl/manage";
import { refunds } from "./nl/refunds";
import { reports } from "./nl/reports";

/**
 * Dutch, the default language. Taalniveau B1: korte zinnen, gewone woorden.
 * Shared words live here; each area of the app keeps its messages in nl/<area>.ts (and
 * en/<area>.ts), added below as one key.
 */
export const nl = {
  app: {
    name: "Buurtrooster",
    tagline: "Ruimtes en activiteiten in uw buurthuis",
  },
  nav: {
    skipToContent: "Ga naar de inhoud",
    main: "Hoofdmenu",
    home: "Start",
    signIn: "Inloggen",
    signOut: "Uitloggen",
    manage: "Beheer",
    signedInAs: "Ingelogd als {name}",
    mailbox: "Testmailbox",
    book: "Ruimte reserveren",
    account: "Mijn account",
    myBookings: "Mijn reserveringen",
  },
  language: {
    label: "Taal",
    switchTo: "English",
    switchToLabel: "Switch to English",
    names: { nl: "Nederlands", en: "English" },
  },
  home: {
    title: "Buurthuizen en dorpshuizen",
    intro: "Kies een huis. Dan ziet u wat er deze week te doen is.",
    centreLink: "Agenda van {name}",
    noCentres: "Er zijn nog geen huizen.",
    address: "Adres",
  },
  centre: {
    weekTitle: "Deze week in {name}",
    weekIntro: "Alles wat de komende zeven dagen open is voor iedereen.",
    noActivities: "Deze week zijn er geen openbare activiteiten.",
    where: "Waar",
    when: "Wanneer",
    organiser: "Door",
    price: "Prijs",
    free: "Gratis",
    address: "Adres",
    directions: "Zo komt u er",
    cancelled: "Gaat niet door",
    notFound: "Dit huis bestaat niet (meer).",
  },
  activityKind: {
    WALK_IN: "Gewoon binnenlopen",
    SIGN_UP: "Aanmelden nodig",
    PRIVATE: "Besloten",
  },
  audience: {
    CHILDREN: "Kinderen",
    YOUNG_PEOPLE: "Jongeren",
    ADULTS: "Volwassenen",
    OLDER_PEOPLE: "Ouderen",
  },
  tier: {
    RESIDENT_INITIATIVE: "Bewonersinitiatief",
    ASSOCIATION: "Vereniging of maatschappelijke organisatie",
    PRIVATE: "Particulier",
    COMMERCIAL: "Commercieel",
  },
  role: {
    ADMIN: "Beheerder (alles)",
    MANAGER: "Beheerder",
    BOARD: "Bestuurslid",
    HOST: "Gastvrouw of gastheer",
  },
  bookingStatus: {
    PENDING: "Wacht op goedkeuring",
    CONFIRMED: "Bevestigd",
    DECLINED: "Afgewezen",
    CANCELLED: "Geannuleerd",
    BUMPED: "Vervallen voor een bewonersinitiatief",
    AWAITING_PAYMENT: "Wacht op betaling",
    EXPIRED: "Vervallen: niet op tijd betaald",
  },
  facility: {
    KITCHEN: "Keuken",
    BAR: "Bar",
    PROJECTOR: "Beamer",
    SOUND_SYSTEM: "Geluid",
    PIANO: "Piano",
    WHITEBOARD: "Whiteboard",
    WIFI: "Wifi",
    STAGE: "Podium",
    SPORTS_FLOOR: "Sportvloer",
    HEARING_LOOP: "Ringleiding",
    ACCESSIBLE_TOILET: "Invalidentoilet",
    CHILD_FRIENDLY: "Kindvriendelijk",
    OUTDOOR_SPACE: "Buitenruimte",
  },
  signIn: {
    title: "Inloggen",
    intro:
      "Vul uw e-mailadres in. U krijgt een mail met een link om in te loggen. U hoeft geen wachtwoord te onthouden.",
    email: "E-mailadres",
    submit: "Stuur mij een inloglink",
    sentTitle: "Kijk in uw mail",
    sent: "Als dit adres bij ons bekend is, krijgt u binnen een paar minuten een mail. De link werkt 15 minuten en maar één keer.",
    devMailbox: "Geen echte mail ingesteld? Open de testmailbox.",
    invalidEmail: "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.",
    verifyTitle: "Inloggen bevestigen",
    verifyIntro: "Klik op de knop om in te loggen.",
    verifySubmit: "Inloggen",
    linkInvalid: "Deze link werkt niet meer. Hij is al gebruikt of te oud. Vraag een nieuwe link aan.",
    requestNew: "Nieuwe link aanvragen",
    signedOut: "U bent uitgelogd.",
    demoAccounts: "Demo-accounts",
  },
  manage: {
    title: "Beheer van {name}",
    rooms: "Ruimtes",
    capacity: "{count, plural, one {# persoon} other {# personen}}",
    stepFree: "Zonder drempels",
    notStepFree: "Niet drempelvrij",
    combination: "Bestaat uit: {rooms}",
    facilities: "Voorzieningen",
    buffers: "Klaarzetten {setup} min, opruimen {cleanup} min",
    inactive: "Niet in gebruik",
    nextWeek: "Reserveringen de komende 7 dagen",
    noBookings: "Geen reserveringen de komende 7 dagen.",
    room: "Ruimte",
    organisation: "Organisatie",
    status: "Status",
    time: "Tijd",
    what: "Wat",
    provisional: "Optie",
  },
  mailbox: {
    title: "Testmailbox",
    intro: "Hier staan alle mails die de app heeft gemaakt. Deze pagina bestaat alleen tijdens het ontwikkelen.",
    empty: "Nog geen mails.",
    to: "Aan",
    sentAt: "Gemaakt",
  },
  email: {
    signInSubject: "Uw inloglink voor Buurtrooster",
    signInBody:
      "Hallo {name},\n\nKlik op deze link om in te loggen:\n{link}\n\nDe link werkt 15 minuten en maar één keer. Heeft u niet gevraagd om in te loggen? Dan kunt u deze mail negeren.",
    signInButton: "Inloggen",
    footer: "Deze mail komt van Buurtrooster.",
  },
  errors: {
    notFoundTitle: "Pagina niet gevonden",
    notFound: "Deze pagina bestaat niet. Misschien is de link oud.",
    forbiddenTitle: "Geen toegang",
    forbidden: "U mag deze pagina niet zien. Denkt u dat dit niet klopt? Vraag het de beheerder van uw huis.",
    serverTitle: "Er ging iets mis",
    server: "Er ging iets mis aan onze kant. Probeer het later nog eens. Noem deze code als u hulp vraagt: {id}",
    backHome: "Terug naar de start",
  },
  format: {
    timeRange: "{start}–{end}",
  },
  forms: {
    expired: "Dit formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.",
    tooMany:
      "Dit formulier is te vaak verstuurd. Wacht even en probeer het over {minutes, plural, one {# minuut} other {# minuten}} opnieuw. Wat u heeft ingevuld, staat er nog.",
  },
  account,
  requests: {
    refusedTitle: "Dit kan niet",
    badRequestTitle: "Dit verzoek klopt niet",
    badRequest: "Wij begrijpen dit verzoek niet. Ga terug naar de pagina en probeer het opnieuw.",
    crossOriginTitle: "Niet verwerkt",
    crossOrigin:
      "Dit formulier kwam van een andere website. Daarom hebben wij het niet verwerkt. Open Buurtrooster zelf en probeer het daar opnieuw.",
    tooLargeTitle: "Te groot",
    tooLarge: "Wat u stuurde is te groot. Het mag hoogstens {limit} zijn.",
    unsupportedTitle: "Dit nemen wij niet aan",
    unsupported: "Dit soort gegevens nemen wij hier niet aan. Gebruik het formulier op de pagina.",
  },
  agenda,
  invoices,
  reports,
  booking,
  workspace,
  payments,
  extras,
  refunds,
} satisfies Catalogue;
