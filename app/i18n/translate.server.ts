import { en } from "./en";
import { nl } from "./nl";
import { registerCatalogue } from "./translate";

/** The server speaks every language: both catalogues, loaded once with this module. */
export const catalogues = { nl, en } as const;
registerCatalogue("nl", nl);
registerCatalogue("en", en);

export { translator, type Key, type MessageValues } from "./translate";
