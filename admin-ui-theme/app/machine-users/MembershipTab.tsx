import {
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  FormSelect,
  FormSelectOption,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Tr } from "@patternfly/react-table";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCallerAccess, useMachineUsersApi, type MachineUserDetail, type MachineUserGroup } from "./api";
import { TableHead } from "./TableHead";

type Props = { machineUser: MachineUserDetail; onChanged: () => void; onError: (message: string) => void };

/** Group membership is a realm-wide right (groups grant across partitions), so only realm managers change it. */
export const MembershipTab = ({ machineUser, onChanged, onError }: Props) => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const access = useCallerAccess();
  const [groups, setGroups] = useState<MachineUserGroup[]>([]);
  const [choice, setChoice] = useState("");
  const joined = machineUser.groups ?? [];
  const canManage = access?.manageAll === true;

  // Partition administrators may not read groups (a realm-wide view): they see names only.
  useEffect(() => {
    api.groups().then(setGroups, () => setGroups([]));
  }, [api]);

  const run = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      onError((e as Error).message);
    }
    onChanged();
  };
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
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <FormSelect aria-label={t("machineUsersGroups")} data-testid="join-choice" value={choice} onChange={(_e, v) => setChoice(v)}>
                <FormSelectOption value="" label={t("machineUsersChooseGroup")} />
                {groups
                  .filter((g) => !joined.includes(g.name))
                  .map((g) => (
                    <FormSelectOption key={g.id} value={g.id} label={g.name} />
                  ))}
              </FormSelect>
            </ToolbarItem>
            <ToolbarItem>
              <Button
                data-testid="join"
                isDisabled={!choice}
                onClick={() => {
                  const groupId = choice;
                  setChoice("");
                  void run(() => api.join(groupId, machineUser.id));
                }}
              >
                {t("machineUsersJoin")}
              </Button>
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
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
