/**
 * Online betalen met Stripe: de instellingen van het huis, de terugkeerpagina na het betalen en
 * de mails over een vastgehouden tijd. Taalniveau B1: korte zinnen, gewone woorden.
 */
export const payments = {
  settings: {
    title: "Online betalen",
    intro:
      "Huurders kunnen met iDEAL, kaart of Bancontact betalen. Het geld komt op de rekening van uw eigen Stripe-account. Zonder sleutels registreert u betalingen zelf, zoals nu.",
    configured: "Online betalen staat aan met sleutel {hint}.",
    notConfigured: "Online betalen staat uit. Vul hieronder de sleutels van uw Stripe-account in.",
    test: "Testomgeving: er wordt geen echt geld betaald.",
    live: "Echte betalingen.",
    noEncryption:
      "De server kan geen sleutels veilig bewaren. Vraag de beheerder van de installatie om PAYMENTS_ENCRYPTION_KEY in te stellen.",
    secretKey: "Geheime sleutel (sk_… of rk_…)",
    secretKeyHelp: "U ziet de sleutel na het opslaan niet meer. Laat het veld leeg om de bewaarde sleutel te houden.",
    webhookSecret: "Ondertekeningsgeheim van de webhook (whsec_…)",
    webhookUrl: "Plak dit adres in Stripe bij Developers → Webhooks:",
    webhookEvents:
      "Kies deze gebeurtenissen: checkout.session.completed, checkout.session.async_payment_succeeded, checkout.session.async_payment_failed en checkout.session.expired.",
    holdMinutes: "Minuten dat een tijd wordt vastgehouden tijdens het betalen",
    holdMinutesHelp: "Tussen 30 en 120 minuten. Is er dan niet betaald? Dan komt de tijd weer vrij.",
    save: "Opslaan",
    saved: "Opgeslagen.",
    remove: "Sleutels verwijderen",
    removeHelp: "Daarna betaalt niemand meer online. Betalingen registreert u dan zelf.",
    removed: "De sleutels zijn verwijderd.",
    adminOnly: "Alleen een beheerder (alles) kan deze instellingen wijzigen.",
    holdRange: "Kies een getal van 30 tot en met 120.",
  },
  tierMode: {
    label: "Hoe betaalt deze groep?",
    ONLINE: "Online betalen om te bevestigen",
    INVOICE: "Op factuur",
    NONE: "Niet betalen",
  },
  refusal: {
    "payments-hold-minutes-invalid": "Kies een getal van 30 tot en met 120 minuten.",
    "payments-no-encryption-key":
      "De server kan geen sleutels veilig bewaren. Vraag de beheerder van de installatie om hulp.",
    "payments-keys-required": "Vul de geheime sleutel en het ondertekeningsgeheim allebei in.",
    "payments-secret-key-invalid": "Dit is geen geheime sleutel van Stripe. Die begint met sk_ of rk_.",
    "payments-webhook-secret-invalid": "Dit is geen ondertekeningsgeheim van een webhook. Dat begint met whsec_.",
    "payments-not-configured": "Online betalen staat uit bij dit huis.",
    "payment-not-open": "Deze betaling kan niet meer. De tijd is niet meer vastgehouden. Reserveer opnieuw.",
    "payment-window-closed": "De tijd om te betalen is bijna om. Reserveer opnieuw.",
  },
  pay: {
    title: "Uw betaling",
    paidTitle: "Betaald",
    paid: "Betaald. Uw reservering is bevestigd. U krijgt een mail met de gegevens.",
    paidTooLateTitle: "Betaald, maar te laat",
    paidTooLate:
      "Uw betaling kwam binnen nadat de tijd al was vrijgegeven. De reservering is dus niet bevestigd. U krijgt het geld terug. Het huis neemt contact met u op.",
    processingTitle: "Wij wachten nog op de bank",
    processing:
      "Uw betaling wordt nog verwerkt. Dat kan bij iDEAL even duren. U hoeft niets te doen: wij mailen u als het klaar is.",
    openTitle: "Nog niet betaald",
    open: "U heeft nog niet betaald. Wij houden de tijd voor u vast tot {time}.",
    payAgain: "Nu betalen",
    expiredTitle: "Niet betaald",
    expired: "Er is niet op tijd betaald. De tijd is weer vrij gegeven. U kunt opnieuw reserveren.",
    failedTitle: "Betaling mislukt",
    failed: "De betaling is mislukt. De tijd is weer vrij gegeven. U kunt opnieuw reserveren.",
    bookAgain: "Opnieuw reserveren",
    myBookings: "Naar mijn reserveringen",
    amount: "Bedrag: {amount}",
    booking: "Reservering: {title}",
  },
  stripe: {
    feeLine: "Huur: {title}",
    depositLine: "Borg",
  },
  email: {
    releasedSubject: "Niet betaald: uw tijd is vrijgegeven",
    releasedBody:
      "Beste {name},\n\nU heeft de reservering ‘{title}’ niet op tijd betaald. Daarom is de tijd weer vrij gegeven. Er is niets van u afgeschreven.\n\nWilt u toch reserveren? Dat kan opnieuw via de knop hieronder.\n\nMet vriendelijke groet,\n{centre}",
    bookAgain: "Opnieuw reserveren",
    refundSubject: "Betaald na het vrijgeven: geld terugbetalen",
    refundBody:
      "Beste {name},\n\n{organisation} heeft {amount} betaald voor ‘{title}’. Maar de tijd was al vrijgegeven, omdat de betaling te laat kwam. De reservering is dus niet bevestigd.\n\nBetaal het bedrag terug in Stripe (betaling {payment}), of neem contact op met {organisation}.",
    openPayments: "Naar de betalingen",
  },
};
