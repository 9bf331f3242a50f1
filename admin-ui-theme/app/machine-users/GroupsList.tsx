import { Button, PageSection, Toolbar, ToolbarContent, ToolbarItem } from "@patternfly/react-core";
import { Table, Tbody, Td, Tr } from "@patternfly/react-table";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, useCallerAccess, useMachineUsersApi, type MachineUserGroup } from "./api";
import { ConfirmDelete } from "./ConfirmModal";
import { ErrorToast } from "./ErrorToast";
import { GroupModal } from "./GroupModal";
import { EditDeleteCell, TableHead } from "./TableHead";
import { useReloadingList } from "./useReloadingList";

export const GroupsList = () => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const access = useCallerAccess();
  const [forbidden, setForbidden] = useState(false);
  const canManage = access?.manageAll === true;
  // Groups grant across partitions, so reading them takes a realm-wide right; partition administrators get a note, not an error.
  const load = useCallback(
    () =>
      api.groups().catch((e: Error) => {
        if (e instanceof ApiError && e.status === 403) {
          setForbidden(true);
          return [];
        }
        throw e;
      }),
    [api],
  );
  const list = useReloadingList<MachineUserGroup, { existing?: MachineUserGroup }>(load);
  const { items: groups, error, setError, editing, setEditing, deleting, setDeleting } = list;

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
              <EditDeleteCell show={canManage} onEdit={() => setEditing({ existing: group })} onDelete={() => setDeleting(group)} />
            </Tr>
          ))}
        </Tbody>
      </Table>
      {editing && (
        <GroupModal
          existing={editing.existing}
          onSaved={list.saved}
          onClose={list.closeDialogs}
        />
      )}
      {deleting && (
        <ConfirmDelete
          message={t("machineUsersDeleteGroupConfirm", { name: deleting.name })}
          onConfirm={() => list.confirmDelete(() => api.deleteGroup(deleting.id))}
          onClose={list.closeDialogs}
        />
      )}
    </PageSection>
  );
};
