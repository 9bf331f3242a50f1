import {
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Tr } from "@patternfly/react-table";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCallerAccess, useMachineUsersApi, type MachineUserDetail, type MachineUserGroup } from "./api";
import { ChooseAndAdd } from "./pickers";
import { TableHead } from "./TableHead";
import { attempt } from "./useReloadingList";

type Props = { machineUser: MachineUserDetail; onChanged: () => void; onError: (message: string) => void };

/** Group membership is a realm-wide right (groups grant across partitions), so only realm managers change it. */
export const MembershipTab = ({ machineUser, onChanged, onError }: Props) => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const access = useCallerAccess();
  const [groups, setGroups] = useState<MachineUserGroup[]>([]);
  const joined = machineUser.groups ?? [];
  const canManage = access?.manageAll === true;

  // Partition administrators may not read groups (a realm-wide view): they see names only.
  useEffect(() => {
    api.groups().then(setGroups, () => setGroups([]));
  }, [api]);

  const run = (work: () => Promise<unknown>) => attempt(work, onError, onChanged);
  const byName = (name: string) => groups.find((g) => g.name === name);

  return (
    <>
      <DescriptionList className="pf-v5-u-p-md" isHorizontal>
        <DescriptionListGroup>
          <DescriptionListTerm>{t("machineUsersPartition")}</DescriptionListTerm>
          <DescriptionListDescription data-testid="membership-partition">{machineUser.partition ?? "/"}</DescriptionListDescription>
        </DescriptionListGroup>
      </DescriptionList>
      {canManage && (
        <ChooseAndAdd
          label={t("machineUsersGroups")}
          placeholder={t("machineUsersChooseGroup")}
          options={groups.filter((g) => !joined.includes(g.name)).map((g) => ({ value: g.id, label: g.name }))}
          addLabel={t("machineUsersJoin")}
          testId="join"
          onAdd={(groupId) => void run(() => api.join(groupId, machineUser.id))}
        />
      )}
      <Table aria-label={t("machineUsersGroups")} variant="compact" data-testid="membership-groups">
        <TableHead columns={["machineUsersGroups", "machineUsersPermissionSets", "machineUsersPartitionGrants"]} withActions />
        <Tbody>
          {joined.length === 0 && (
            <Tr>
              <Td colSpan={4}>{t("machineUsersNoGroups")}</Td>
            </Tr>
          )}
          {joined.map((name) => {
            const group = byName(name);
            return (
              <Tr key={name} data-testid={`member-of-${name}`}>
                <Td>{name}</Td>
                <Td>{(group?.permissionSets ?? []).join(", ") || "—"}</Td>
                <Td>{(group?.partitions ?? []).join(", ") || "—"}</Td>
                <Td isActionCell>
                  {canManage && group && (
                    <Button variant="link" isDanger onClick={() => void run(() => api.leave(group.id, machineUser.id))}>
                      {t("machineUsersLeave")}
                    </Button>
                  )}
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    </>
  );
};
