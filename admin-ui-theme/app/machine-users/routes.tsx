import type { routes } from "@keycloak/keycloak-admin-ui";
import { lazy } from "react";

// AppRouteObject is not exported by name, and "exports" blocks deep imports.
type AppRouteObject = (typeof routes)[number];

const MachineUsersSection = lazy(() => import("./MachineUsersSection"));

export const MachineUsersRoute: AppRouteObject = {
  path: "/:realm/machine-users",
  element: <MachineUsersSection />,
  handle: {
    // Rights to machine users are the extension's own (realm-wide roles or partition scope);
    // the page asks the API and shows what it answers, 403 included.
    access: "anyone",
    breadcrumb: (t) => t("machineUsers"),
  },
};
