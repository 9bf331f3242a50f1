import { Button, PageSection, Toolbar, ToolbarContent, ToolbarItem } from "@patternfly/react-core";
import { ActionsColumn, Table, Tbody, Td, Tr } from "@patternfly/react-table";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, useCallerAccess, useMachineUsersApi, type MachineUserGroup } from "./api";
import { ConfirmModal } from "./ConfirmModal";
import { ErrorToast } from "./ErrorToast";
import { GroupModal } from "./GroupModal";
import { TableHead } from "./TableHead";

export const GroupsList = () => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const access = useCallerAccess();
  const [groups, setGroups] = useState<MachineUserGroup[]>([]);
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<{ existing?: MachineUserGroup }>();
  const [deleting, setDeleting] = useState<MachineUserGroup>();
  const [forbidden, setForbidden] = useState(false);
  const canManage = access?.manageAll === true;

  // Groups grant across partitions, so reading them takes a realm-wide right; partition administrators get a note, not an error.
  const load = useCallback(() => {
    api.groups().then(setGroups, (e: Error) => (e instanceof ApiError && e.status === 403 ? setForbidden(true) : setError(e.message)));
  }, [api]);
  useEffect(load, [load]);

  const remove = async (group: MachineUserGroup) => {
    setDeleting(undefined);
    try {
      await api.deleteGroup(group.id);
    } catch (e) {
      setError((e as Error).message);
    }
    load();
  };

  return (
    <PageSection variant="light" className="pf-v5-u-p-0">
      <ErrorToast error={error} onClose={() => setError(undefined)} />
      {canManage && (
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <Button data-testid="create-group" onClick={() => setEditing({})}>
                {t("machineUsersCreateGroup")}
              </Button>
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
      )}
      <Table aria-label={t("machineUsersGroups")} variant="compact" data-testid="groups-table">
        <TableHead
          columns={["machineUsersName", "machineUsersDescription", "machineUsersPermissionSets", "machineUsersPartitionGrants", "machineUsersMembers"]}
          withActions
        />
        <Tbody>
          {groups.length === 0 && (
            <Tr>
              <Td colSpan={6} data-testid="groups-empty">{t(forbidden ? "machineUsersGroupsRealmWide" : "machineUsersNoGroups")}</Td>
            </Tr>
          )}
          {groups.map((group) => (
            <Tr key={group.id} data-testid={`group-${group.name}`}>
              <Td dataLabel={t("machineUsersName")}>{group.name}</Td>
              <Td dataLabel={t("machineUsersDescription")}>{group.description}</Td>
              <Td dataLabel={t("machineUsersPermissionSets")}>{(group.permissionSets ?? []).join(", ") || "—"}</Td>
              <Td dataLabel={t("machineUsersPartitionGrants")}>{(group.partitions ?? []).join(", ") || "—"}</Td>
              <Td dataLabel={t("machineUsersMembers")}>{group.members ?? 0}</Td>
              <Td isActionCell>
                {canManage && (
                  <ActionsColumn
                    items={[
                      { title: t("machineUsersEdit"), onClick: () => setEditing({ existing: group }) },
                      { title: t("machineUsersDelete"), onClick: () => setDeleting(group) },
                    ]}
                  />
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {editing && (
        <GroupModal
          existing={editing.existing}
          onSaved={() => {
            setEditing(undefined);
            load();
          }}
          onClose={() => setEditing(undefined)}
        />
      )}
      {deleting && (
        <ConfirmModal
          title={t("machineUsersDelete")}
          message={t("machineUsersDeleteGroupConfirm", { name: deleting.name })}
          confirmLabel={t("machineUsersDelete")}
          danger
          onConfirm={() => void remove(deleting)}
          onClose={() => setDeleting(undefined)}
        />
      )}
    </PageSection>
  );
};
