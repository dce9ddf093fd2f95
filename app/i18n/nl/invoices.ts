/** Emails about invoices: the reminder for an invoice that is not paid in time. */
export const invoices = {
  payPage: {
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
