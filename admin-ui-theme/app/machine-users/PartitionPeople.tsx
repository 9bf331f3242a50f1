import { Button, DataList, DataListCell, DataListItem, DataListItemCells, DataListItemRow, TextInput, Title, Toolbar, ToolbarContent, ToolbarItem } from "@patternfly/react-core";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMachineUsersApi, type PartitionRole, type UserReference } from "./api";

type Props = { partitionId: string; role: PartitionRole; canManage: boolean; onError: (message: string) => void };

/** The human users who administer or view one partition's subtree, added by their exact username. */
export const PartitionPeople = ({ partitionId, role, canManage, onError }: Props) => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const [people, setPeople] = useState<UserReference[]>([]);
  const [username, setUsername] = useState("");

  const load = useCallback(() => {
    api.partitionPeople(partitionId, role).then(setPeople, (e: Error) => onError(e.message));
  }, [api, partitionId, role, onError]);
  useEffect(load, [load]);

  const run = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      onError((e as Error).message);
    }
    load();
  };

  const add = () =>
    run(async () => {
      const user = await api.findUser(username.trim());
      if (!user) throw new Error(t("machineUsersNoSuchUser", { username: username.trim() }));
      await api.addPartitionPerson(partitionId, role, user.id);
      setUsername("");
    });

  const title = role === "administrators" ? "machineUsersPartitionAdministrators" : "machineUsersPartitionViewers";
  return (
    <div data-testid={`partition-${role}`} className="pf-v5-u-mt-md">
      <Title headingLevel="h3">{t(title)}</Title>
      {canManage && (
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <TextInput
                aria-label={t("machineUsersUsername")}
                placeholder={t("machineUsersUsername")}
                data-testid={`${role}-username`}
                value={username}
                onChange={(_e, v) => setUsername(v)}
              />
            </ToolbarItem>
            <ToolbarItem>
              <Button variant="secondary" data-testid={`${role}-add`} isDisabled={!username.trim()} onClick={() => void add()}>
                {t("machineUsersAdd")}
              </Button>
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
      )}
      <DataList aria-label={t(title)} isCompact>
        {people.length === 0 && (
          <DataListItem>
            <DataListItemRow>
              <DataListItemCells dataListCells={[<DataListCell key="none">{t("machineUsersNobody")}</DataListCell>]} />
            </DataListItemRow>
          </DataListItem>
        )}
        {people.map((person) => (
          <DataListItem key={person.id} data-testid={`${role}-${person.username}`}>
            <DataListItemRow>
              <DataListItemCells
                dataListCells={[
                  <DataListCell key="name">{person.username}</DataListCell>,
                  <DataListCell key="remove" alignRight isFilled={false}>
                    {canManage && (
                      <Button variant="link" isDanger isInline onClick={() => void run(() => api.removePartitionPerson(partitionId, role, person.id))}>
                        {t("machineUsersRemove")}
                      </Button>
                    )}
                  </DataListCell>,
                ]}
              />
            </DataListItemRow>
          </DataListItem>
        ))}
      </DataList>
    </div>
  );
};
