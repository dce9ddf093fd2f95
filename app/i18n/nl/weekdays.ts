/** De namen van de weekdagen, 1 = maandag (ISO): de agenda en de rapportage zeggen ze allebei. */
export const weekday = {
  "1": "maandag",
  "2": "dinsdag",
  "3": "woensdag",
  "4": "donderdag",
  "5": "vrijdag",
  "6": "zaterdag",
  "7": "zondag",
};
