/** Het eigen account: gegevens, uitloggen, overal uitloggen. Taalniveau B1. */
export const account = {
  title: "Mijn account",
  intro: "Hier ziet u met welk adres u bent ingelogd.",
  name: "Naam",
  email: "E-mailadres",
  sessionsTitle: "Waar u bent ingelogd",
  sessions:
    "U bent nu op {count, plural, one {# apparaat of browser} other {# apparaten of browsers}} ingelogd. Na {idle} dagen zonder gebruik logt u vanzelf uit, en altijd na {lifetime} dagen.",
  signOut: "Uitloggen op dit apparaat",
  signOutEverywhereIntro:
    "Bent u ergens ingelogd waar anderen bij kunnen, of bent u een telefoon kwijt? Log dan overal uit.",
  signOutEverywhere: "Overal uitloggen",
  signedOutEverywhere: "U bent overal uitgelogd.",
};
