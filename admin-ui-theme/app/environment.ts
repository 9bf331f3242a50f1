import type { AdminEnvironment } from "@keycloak/keycloak-admin-ui";
import { getInjectedEnvironment } from "@keycloak/keycloak-ui-shared";

/**
 * Reads the JSON that the server's admin `index.ftl` injects as
 * `<script id="environment" type="application/json">…</script>`.
 * (getInjectedEnvironment is a pure DOM read, so using the standalone
 * ui-shared copy here is safe.)
 */
export const environment = getInjectedEnvironment<AdminEnvironment>();
