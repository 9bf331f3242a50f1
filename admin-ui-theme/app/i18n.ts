import { createInstance, type i18n as I18n } from "i18next";
import FetchBackend from "i18next-fetch-backend";
import { initReactI18next } from "react-i18next";
import { environment } from "./environment";
// Single source of truth for our own keys: the theme's messages file (also served by
// the server). Bundled here as a fallback — see FALLBACK_NS below.
import messagesEn from "../src/main/resources/theme/machine-users/admin/messages/messages_en.properties?raw";

type KeyValue = { key: string; value: string };

/** Minimal .properties parser (key=value lines, # / ! comments). */
const parseProperties = (text: string): Record<string, string> =>
  Object.fromEntries(
    text
      .split(/\r?\n/)
      .filter((line) => line.trim() && !/^\s*[#!]/.test(line))
      .map((line) => {
        const i = line.indexOf("=");
        return [line.slice(0, i).trim(), line.slice(i + 1).trim()];
      }),
  );

/**
 * Messages are fetched per *selected* realm from
 *   {adminBaseUrl}/resources/{realm}/admin/{lng}
 * and the server builds them from THAT realm's admin theme (+ its localization
 * overrides). Realms whose admin theme is still keycloak.v2 therefore do not
 * know our keys (the nav entry would read "machineUsers"), so missing keys fall
 * back to this bundled namespace.
 */
const FALLBACK_NS = "machine-users-bundled";

/**
 * Otherwise the same setup as the stock console (js/apps/admin-ui/src/i18n/i18n.ts, 26.7):
 * namespace = realm name; RealmContextProvider (library) loads/switches the
 * namespace when the selected realm changes, WhoAmIContextProvider switches language.
 */
export const i18n: I18n = createInstance({
  fallbackLng: "en",
  keySeparator: ".",
  nsSeparator: false,
  interpolation: { escapeValue: false },
  defaultNS: [environment.realm],
  ns: [environment.realm],
  fallbackNS: FALLBACK_NS,
  partialBundledLanguages: true,
  resources: { en: { [FALLBACK_NS]: parseProperties(messagesEn) } },
  backend: {
    loadPath: `${environment.adminBaseUrl.replace(/\/+$/, "")}/resources/{{ns}}/admin/{{lng}}`,
    parse: (data: string) => {
      const messages: KeyValue[] = JSON.parse(data);
      return Object.fromEntries(messages.map(({ key, value }) => [key, value]));
    },
  },
});

i18n.use(FetchBackend);
i18n.use(initReactI18next);
