import { Button, Label, LabelGroup, PageSection, Toolbar, ToolbarContent, ToolbarItem } from "@patternfly/react-core";
import { ActionsColumn, Table, Tbody, Td, Tr } from "@patternfly/react-table";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCallerAccess, useMachineUsersApi, type PermissionSet } from "./api";
import { ConfirmModal } from "./ConfirmModal";
import { ErrorToast } from "./ErrorToast";
import { PermissionSetModal } from "./PermissionSetModal";
import { TableHead } from "./TableHead";

/** Managed sets come from templates and stay read-only here, as the API refuses to change them. */
export const PermissionSetsList = () => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const access = useCallerAccess();
  const [sets, setSets] = useState<PermissionSet[]>([]);
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<{ existing?: PermissionSet }>();
  const [deleting, setDeleting] = useState<PermissionSet>();
  const canManage = access?.manageAll === true;

  const load = useCallback(() => {
    api.permissionSets().then(setSets, (e: Error) => setError(e.message));
  }, [api]);
  useEffect(load, [load]);

  const remove = async (set: PermissionSet) => {
    setDeleting(undefined);
    try {
      await api.deletePermissionSet(set.name);
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
              <Td isActionCell>
                {canManage && !set.managed && (
                  <ActionsColumn
                    items={[
                      { title: t("machineUsersEdit"), onClick: () => setEditing({ existing: set }) },
                      { title: t("machineUsersDelete"), onClick: () => setDeleting(set) },
                    ]}
                  />
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {editing && (
        <PermissionSetModal
          existing={editing.existing}
          save={(set) => (editing.existing ? api.updatePermissionSet(editing.existing.name, set) : api.createPermissionSet(set))}
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
          message={t("machineUsersDeleteSetConfirm", { name: deleting.name })}
          confirmLabel={t("machineUsersDelete")}
          danger
          onConfirm={() => void remove(deleting)}
          onClose={() => setDeleting(undefined)}
        />
      )}
    </PageSection>
  );
};
