/** Emails about invoices: the reminder for an invoice that is not paid in time. */
export const invoices = {
  reminder: {
    subject: "Herinnering: factuur {number} is nog niet betaald",
    body: "Beste {name},\n\nOp {due} moest factuur {number} van {centre} betaald zijn. Wij hebben nog {open} van u tegoed.\n\nMaak het bedrag over naar {iban} en zet het factuurnummer {number} erbij. Hebt u al betaald? Dan kunt u deze mail vergeten.",
    bodyNoIban:
      "Beste {name},\n\nOp {due} moest factuur {number} van {centre} betaald zijn. Wij hebben nog {open} van u tegoed.",
  },
};
