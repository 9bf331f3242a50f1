import type { routes } from "@keycloak/keycloak-admin-ui";
import { lazy } from "react";

// AppRouteObject is not exported by name, and "exports" blocks deep imports.
type AppRouteObject = (typeof routes)[number];

const MachineUsersSection = lazy(() => import("./MachineUsersSection"));
const MachineUserPage = lazy(() => import("./MachineUserPage"));

// Rights to machine users are the extension's own (realm-wide roles or partition scope), which
// the console's access types cannot express: the pages ask the API and show what it answers.
const section = (path: string, element: JSX.Element): AppRouteObject => ({
  path: `/:realm/machine-users${path}`,
  element,
  handle: { access: "anyone", breadcrumb: (t) => t("machineUsers") },
});

export const MachineUsersRoutes: AppRouteObject[] = [
  section("", <MachineUsersSection section="machine-users" />),
  section("/permission-sets", <MachineUsersSection section="permission-sets" />),
  section("/partitions", <MachineUsersSection section="partitions" />),
  section("/groups", <MachineUsersSection section="groups" />),
  {
    path: "/:realm/machine-users/:id/:tab",
    element: <MachineUserPage />,
    handle: { access: "anyone", breadcrumb: (t) => t("machineUser") },
  },
];
