// Tests run the server's code, and the server speaks both languages (app/entry.server.tsx loads them).
import "~/i18n/translate.server";
