/** Emails about invoices: the reminder for an invoice that is not paid in time. */
export const invoices = {
  directDebit: {
    title: "Automatische incasso",
    intro:
      "Huurt u vaak een ruimte? Geef dan één keer toestemming. Daarna schrijven wij uw facturen automatisch van uw rekening af. U krijgt de factuur altijd eerst per mail.",
    how: "U geeft toestemming met een iDEAL-betaling van 1 cent. Die krijgt u meteen terug. Zo weten wij zeker dat de rekening van u is.",
    given: "Toestemming gegeven op {date}.",
    notGiven: "Nog geen toestemming gegeven.",
    give: "Toestemming geven met iDEAL",
    giveAgain: "Andere rekening gebruiken",
    thanks: "Dank u wel. Zodra uw bank het heeft bevestigd, staat het hier. Dat duurt meestal een paar minuten.",
    notOnline: "Dit buurthuis neemt nog geen online betalingen aan. Betaal uw facturen met een overboeking.",
    none: "U bent nog geen contactpersoon van een organisatie in dit buurthuis.",
    collect: "Afschrijven van de rekening",
    collectHint: "{organisation} heeft toestemming gegeven voor automatische incasso.",
    collected: "De incasso is gestart. Het geld staat er meestal binnen een paar werkdagen.",
  },
  payPage: {
    payOnline: "Betaal {amount} online met iDEAL",
    payOnlineHint: "U gaat naar de betaalpagina van Stripe. Daarna komt u hier terug.",
    paidJustNow:
      "Dank u wel. Zodra de bank de betaling heeft bevestigd, staat de factuur hier als betaald. Dat duurt meestal een paar minuten.",
    title: "Factuur {number} betalen",
    from: "Factuur {number} van {centre}",
    open: "Nog te betalen: {amount}",
    due: "Te betalen vóór {date}.",
    transfer: "Maak het bedrag over naar {iban} en zet het factuurnummer {number} erbij.",
    transferNoIban: "Neem contact op met {centre} om te betalen.",
    paid: "Deze factuur is betaald. Dank u wel.",
    credited: "Deze factuur is gecrediteerd. U hoeft niets te betalen.",
    invalidTitle: "Deze link werkt niet",
    invalid:
      "Deze betaallink klopt niet. Kijk of u de hele link hebt overgenomen, of vraag het buurthuis om een nieuwe.",
  },
  reminder: {
    payAction: "Bekijk en betaal de factuur",
    subject: "Herinnering: factuur {number} is nog niet betaald",
    body: "Beste {name},\n\nOp {due} moest factuur {number} van {centre} betaald zijn. Wij hebben nog {open} van u tegoed.\n\nMaak het bedrag over naar {iban} en zet het factuurnummer {number} erbij. Hebt u al betaald? Dan kunt u deze mail vergeten.",
    bodyNoIban:
      "Beste {name},\n\nOp {due} moest factuur {number} van {centre} betaald zijn. Wij hebben nog {open} van u tegoed.",
  },
};
