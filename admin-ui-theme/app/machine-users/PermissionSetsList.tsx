import { Button, Label, LabelGroup, PageSection, Toolbar, ToolbarContent, ToolbarItem } from "@patternfly/react-core";
import { Table, Tbody, Td, Tr } from "@patternfly/react-table";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useCallerAccess, useMachineUsersApi, type PermissionSet } from "./api";
import { ConfirmDelete } from "./ConfirmModal";
import { ErrorToast } from "./ErrorToast";
import { PermissionSetModal } from "./PermissionSetModal";
import { EditDeleteCell, TableHead } from "./TableHead";
import { useReloadingList } from "./useReloadingList";

/** Managed sets come from templates and stay read-only here, as the API refuses to change them. */
export const PermissionSetsList = () => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const access = useCallerAccess();
  const list = useReloadingList<PermissionSet, { existing?: PermissionSet }>(useCallback(() => api.permissionSets(), [api]));
  const { items: sets, error, setError, editing, setEditing, deleting, setDeleting } = list;
  const canManage = access?.manageAll === true;


  return (
    <PageSection variant="light" className="pf-v5-u-p-0">
      <ErrorToast error={error} onClose={() => setError(undefined)} />
      {canManage && (
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <Button data-testid="create-set" onClick={() => setEditing({})}>
                {t("machineUsersCreateSet")}
              </Button>
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
      )}
      <Table aria-label={t("machineUsersPermissionSets")} variant="compact" data-testid="permission-sets-table">
        <TableHead columns={["machineUsersName", "machineUsersDescription", "machineUsersRoles"]} withActions />
        <Tbody>
          {sets.length === 0 && (
            <Tr>
              <Td colSpan={4}>{t("machineUsersNoSets")}</Td>
            </Tr>
          )}
          {sets.map((set) => (
            <Tr key={set.name} data-testid={`permission-set-${set.name}`}>
              <Td dataLabel={t("machineUsersName")}>
                {set.name} {set.managed && <Label isCompact data-testid="managed-label">{t("machineUsersManaged")}</Label>}
              </Td>
              <Td dataLabel={t("machineUsersDescription")}>{set.description}</Td>
              <Td dataLabel={t("machineUsersRoles")}>
                <LabelGroup numLabels={4}>
                  {(set.roles ?? []).map((role) => (
                    <Label key={role} isCompact>
                      {role}
                    </Label>
                  ))}
                </LabelGroup>
              </Td>
              <EditDeleteCell show={canManage && !set.managed} onEdit={() => setEditing({ existing: set })} onDelete={() => setDeleting(set)} />
            </Tr>
          ))}
        </Tbody>
      </Table>
      {editing && (
        <PermissionSetModal
          existing={editing.existing}
          save={(set) => (editing.existing ? api.updatePermissionSet(editing.existing.name, set) : api.createPermissionSet(set))}
          onSaved={list.saved}
          onClose={list.closeDialogs}
        />
      )}
      {deleting && (
        <ConfirmDelete
          message={t("machineUsersDeleteSetConfirm", { name: deleting.name })}
          onConfirm={() => list.confirmDelete(() => api.deletePermissionSet(deleting.name))}
          onClose={list.closeDialogs}
        />
      )}
    </PageSection>
  );
};
