// Same global CSS as the stock entry (js/apps/admin-ui/src/main.tsx) ...
import "@patternfly/patternfly/patternfly-addons.css";
import "@patternfly/react-core/dist/styles/base.css";
// ... plus the library's compiled component CSS (the stock app gets it from its sources) ...
import "@keycloak/keycloak-admin-ui/styles.css";
// ... plus the stock app's src/index.css (copied; it is not shipped in the npm package).
import "./index.css";

// AdminUi = the stock `App` (Page + Header + PageNav + contexts + <Outlet/>).
// Its PageNav gets our extra "Machine users" entry at build time
// (see build/kc-admin-nav-patch.ts and vite.config.ts).
import { AdminUi, KeycloakProvider, routes } from "@keycloak/keycloak-admin-ui";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createHashRouter, RouterProvider } from "react-router-dom";
import { environment } from "./environment";
import { i18n } from "./i18n";
import { MachineUsersRoutes } from "./machine-users/routes";

// Register our page in the library's route table. Mutate the exported array in
// place (rather than building a new one) because the library's own PageNav
// (access check of each entry) and PageBreadCrumbs iterate this very array.
// Insert before the catch-all "*" (NotFound) route.
if (!routes.includes(MachineUsersRoutes[0])) {
  const notFound = routes.findIndex((route) => route.path === "*");
  routes.splice(notFound === -1 ? routes.length : notFound, 0, ...MachineUsersRoutes);
}

// Must be a *hash* router (as in the stock console): RealmContextProvider reads
// the selected realm from location.hash ("#/{realm}/..."), and the server serves
// the console only at /admin/{realm}/console/.
const router = createHashRouter([
  {
    path: "/",
    element: (
      // KeycloakProvider MUST be the admin-ui re-export: the library bundles its
      // own copy of @keycloak/keycloak-ui-shared and its hooks (useEnvironment,
      // useAlerts, ...) only see providers from that copy. It creates and
      // initialises keycloak-js (login-required, PKCE S256) from
      // environment.serverBaseUrl / realm / clientId.
      <KeycloakProvider environment={environment}>
        <AdminUi />
      </KeycloakProvider>
    ),
    children: routes,
  },
]);

// Load translations before the first render. The stock main.tsx uses a
// top-level `await i18n.init()`; we deliberately do NOT: with TLA in the entry,
// Rollup splits the library into separate chunks that the entry imports
// statically, and Keycloak's index.ftl only links the entry chunk's own CSS
// (the CSS of those chunks would never be loaded) and emits modulepreload
// links to manifest keys instead of files.
void i18n.init().then(() => {
  createRoot(document.getElementById("app")!).render(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  );
});
