import { Button, FormSelect, FormSelectOption, Label, Toolbar, ToolbarContent, ToolbarItem } from "@patternfly/react-core";
import { Table, Tbody, Td, Tr } from "@patternfly/react-table";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { TableHead } from "./TableHead";
import { useMachineUsersApi, type MachineUserDetail, type PermissionSet } from "./api";

type Props = { machineUser: MachineUserDetail; readOnly: boolean; onChanged: () => void; onError: (message: string) => void };

export const PermissionSetsTab = ({ machineUser, readOnly, onChanged, onError }: Props) => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const [all, setAll] = useState<PermissionSet[]>([]);
  const [choice, setChoice] = useState("");
  const granted = machineUser.permissionSets ?? [];

  useEffect(() => {
    api.permissionSets().then(setAll, (e: Error) => onError(e.message));
  }, [api, onError]);

  const run = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      onError((e as Error).message);
    }
    onChanged();
  };
  const grantable = all.filter((set) => !granted.includes(set.name));

  return (
    <>
      {!readOnly && (
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <FormSelect aria-label={t("machineUsersPermissionSets")} data-testid="grant-choice" value={choice} onChange={(_e, v) => setChoice(v)}>
              <FormSelectOption value="" label={t("machineUsersChooseSet")} />
              {grantable.map((set) => (
                <FormSelectOption key={set.name} value={set.name} label={set.name} />
              ))}
            </FormSelect>
          </ToolbarItem>
          <ToolbarItem>
            <Button data-testid="grant" isDisabled={!choice} onClick={() => {
              const set = choice;
              setChoice("");
              void run(() => api.grant(machineUser.id, set));
            }}>
              {t("machineUsersGrant")}
            </Button>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
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
