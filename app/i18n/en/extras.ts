import type { MessagesOf } from "../catalogue";
import type { extras as extrasNl } from "../nl/extras";

/** Extras on the bill and deposits per room, in plain English. */
export const extras: MessagesOf<typeof extrasNl> = {
  unit: {
    PER_BOOKING: "Per booking",
    PER_PERSON: "Per person",
    PER_HOUR: "Per hour",
  },
  per: {
    PER_BOOKING: "per booking",
    PER_PERSON: "per person",
    PER_HOUR: "per hour",
  },
  vat: "{percent}% VAT",
  refusal: {
    notOffered: "You cannot choose this extra. Choose only extras from the list.",
    nameTaken: "There is already an extra called {name}. Choose another name.",
    vatInvalid: "Choose 9% or 21% VAT.",
    priceInvalid: "Enter an amount in euros, for example 2.50.",
  },
  settings: {
    about: "Coffee, tea, a projector: what they cost per group and with how much VAT.",
    navLabel: "Extras",
    title: "Extras",
    intro:
      "Extras are added to the room's price, on every date that takes place. Give a price excluding VAT per group. A group without a price cannot choose the extra.",
    add: "New extra",
    none: "There are no extras yet.",
    name: "Name",
    unit: "Charged",
    vatRate: "VAT",
    vat9: "9% (for example food and drinks)",
    vat21: "21% (for example equipment)",
    prices: "Price excluding VAT per group",
    priceHint: "Leave empty: this group cannot choose the extra.",
    active: "On (people can choose this extra)",
    inactive: "Off",
    save: "Save extra",
    addButton: "Add extra",
    saved: "{name} has been saved.",
    notOffered: "not",
  },
  form: {
    legend: "Extras",
    hint: "Extras cost money on every date. Coffee and tea per person use the number of people.",
    option: "{name}: {price} {per} (+ {percent}% VAT)",
    none: "There are no extras for your group.",
  },
  review: {
    perDate: "per date",
    title: "Extras",
    date: "Date",
    extra: "Extra",
    amount: "Amount excl. VAT",
    room: "Room",
    extrasTotal: "Extras",
    vatAt: "VAT {percent}%",
    total: "Total incl. VAT",
    deposit: "Deposit",
    depositNote: "You pay the deposit separately. You get it back afterwards if all is well.",
  },
  invoiceLine: "{name} ({title}, {when})",
  deposits: {
    legend: "Deposit per group",
    intro: "A deposit for this room, for example for parties. Leave empty: no deposit.",
    save: "Save deposit",
    saved: "The deposit has been saved.",
  },
  report: {
    extrasTitle: "Extras per group",
    extrasInvoiced: "Extras invoiced (incl. VAT)",
    depositsHeld: "Deposits held (not revenue)",
  },
};
