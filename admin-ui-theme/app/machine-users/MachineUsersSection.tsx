import { ViewHeader } from "@keycloak/keycloak-admin-ui";
import { PageSection, Tab, Tabs, TabTitleText } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useMachineUsersApi } from "./api";
import { GroupsList } from "./GroupsList";
import { MachineUsersList } from "./MachineUsersList";
import { PartitionsTree } from "./PartitionsTree";
import { PermissionSetsList } from "./PermissionSetsList";

export const SECTIONS = ["machine-users", "permission-sets", "partitions", "groups"] as const;
export type Section = (typeof SECTIONS)[number];

const TITLES: Record<Section, string> = {
  "machine-users": "machineUsers",
  "permission-sets": "machineUsersPermissionSets",
  partitions: "machineUsersPartitions",
  groups: "machineUsersGroups",
};

/** The section's path under the realm; the machine-user list is the section's own root. */
export const sectionPath = (realm: string, section: Section) =>
  `/${realm}/machine-users${section === "machine-users" ? "" : `/${section}`}`;

/** One nav entry, four tabs, as the stock Clients section keeps its related lists together. */
export default function MachineUsersSection({ section }: { section: Section }) {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const navigate = useNavigate();
  return (
    <>
      <ViewHeader titleKey="machineUsers" subKey="machineUsersHelp" />
      <PageSection variant="light" className="pf-v5-u-p-0">
        <Tabs activeKey={section} onSelect={(_e, key) => navigate(sectionPath(api.realm, key as Section))} data-testid="section-tabs">
          {SECTIONS.map((key) => (
            <Tab key={key} eventKey={key} title={<TabTitleText>{t(TITLES[key])}</TabTitleText>} data-testid={`section-${key}`} />
          ))}
        </Tabs>
      </PageSection>
      {section === "machine-users" && <MachineUsersList />}
      {section === "permission-sets" && <PermissionSetsList />}
      {section === "partitions" && <PartitionsTree />}
      {section === "groups" && <GroupsList />}
    </>
  );
}
