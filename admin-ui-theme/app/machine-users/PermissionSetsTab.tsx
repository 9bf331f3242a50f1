import { Button, Label } from "@patternfly/react-core";
import { Table, Tbody, Td, Tr } from "@patternfly/react-table";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ChooseAndAdd } from "./pickers";
import { TableHead } from "./TableHead";
import { attempt } from "./useReloadingList";
import { useMachineUsersApi, type MachineUserDetail, type PermissionSet } from "./api";

type Props = { machineUser: MachineUserDetail; readOnly: boolean; onChanged: () => void; onError: (message: string) => void };

export const PermissionSetsTab = ({ machineUser, readOnly, onChanged, onError }: Props) => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const [all, setAll] = useState<PermissionSet[]>([]);
  const granted = machineUser.permissionSets ?? [];

  useEffect(() => {
    api.permissionSets().then(setAll, (e: Error) => onError(e.message));
  }, [api, onError]);

  const run = (work: () => Promise<unknown>) => attempt(work, onError, onChanged);
  const grantable = all.filter((set) => !granted.includes(set.name));

  return (
    <>
      {!readOnly && (
        <ChooseAndAdd
          label={t("machineUsersPermissionSets")}
          placeholder={t("machineUsersChooseSet")}
          options={grantable.map((set) => ({ value: set.name, label: set.name }))}
          addLabel={t("machineUsersGrant")}
          testId="grant"
          onAdd={(set) => void run(() => api.grant(machineUser.id, set))}
        />
      )}
      <Table aria-label={t("machineUsersPermissionSets")} variant="compact" data-testid="sets-table">
        <TableHead columns={["machineUsersName", "machineUsersDescription"]} withActions />
        <Tbody>
          {granted.map((name) => {
            const set = all.find((s) => s.name === name);
            return (
              <Tr key={name} data-testid={`set-${name}`}>
                <Td>
                  {name} {set?.managed && <Label isCompact>{t("machineUsersManaged")}</Label>}
                </Td>
                <Td>{set?.description}</Td>
                <Td isActionCell>
                  {!readOnly && (
                  <Button variant="link" isDanger onClick={() => void run(() => api.revoke(machineUser.id, name))}>
                    {t("machineUsersRevoke")}
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
