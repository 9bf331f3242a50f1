import { Alert, Button, TextInput, Toolbar, ToolbarContent, ToolbarItem } from "@patternfly/react-core";
import { ActionsColumn, Table, Tbody, Td, Tr } from "@patternfly/react-table";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { TableHead } from "./TableHead";
import type { AccessKey, IssuedKey, MachineUserDetail } from "./api";
import { useMachineUsersApi } from "./api";
import { ConfirmModal } from "./ConfirmModal";
import { StatusLabel } from "./credentials";
import { endOfDayUtc, formatTime } from "./format";
import { SecretModal, type SecretDetails } from "./SecretModal";

type Pending = { action: "replace" | "delete"; key: AccessKey };

type Props = { machineUser: MachineUserDetail; readOnly: boolean; onError: (message: string) => void };

export const KeysTab = ({ machineUser, readOnly, onError }: Props) => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const [keys, setKeys] = useState<AccessKey[]>([]);
  const [limit, setLimit] = useState<number>();
  const [secret, setSecret] = useState<SecretDetails>();
  const [pending, setPending] = useState<Pending>();
  const [editing, setEditing] = useState<{ key: AccessKey; date: string }>();

  const load = useCallback(async () => {
    try {
      const [loaded, policy] = await Promise.all([api.keys(machineUser.id), api.policy()]);
      setKeys(loaded);
      setLimit(policy.maxKeysPerMachineUser);
    } catch (e) {
      onError((e as Error).message);
    }
  }, [api, machineUser.id, onError]);

  useEffect(() => {
    void load();
  }, [load]);

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (e) {
      onError((e as Error).message);
    }
    await load();
  };
  const show = (issued: IssuedKey) => setSecret({ clientId: machineUser.clientId, keyId: issued.id, secret: issued.secret });
  const atLimit = limit !== undefined && keys.length >= limit;

  return (
    <>
      <Toolbar>
        <ToolbarContent>
          {!readOnly && (
          <ToolbarItem>
            <Button data-testid="add-key" isDisabled={atLimit} onClick={() => void run(async () => show(await api.createKey(machineUser.id, {})))}>
              {t("machineUsersAddKey")}
            </Button>
          </ToolbarItem>
          )}
          <ToolbarItem>
            <span data-testid="key-limit">{t("machineUsersKeyLimit", { count: keys.length, limit: limit ?? "?" })}</span>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {editing && (
        <Alert variant="info" isInline title={t("machineUsersChangeExpiry")}>
          <TextInput type="date" aria-label={t("machineUsersKeyExpiry")} data-testid="expiry-input" value={editing.date}
            onChange={(_e, date) => setEditing({ ...editing, date })} />
          <Button className="pf-v5-u-mt-sm" data-testid="expiry-save" onClick={() => {
            const { key, date } = editing;
            setEditing(undefined);
            void run(() => api.updateKey(machineUser.id, key.id, { expiresAt: date ? endOfDayUtc(date) : null }));
          }}>
            {t("machineUsersSave")}
          </Button>
        </Alert>
      )}
      <Table aria-label={t("machineUsersKeys")} variant="compact" data-testid="keys-table">
        <TableHead columns={["machineUsersKeyId", "machineUsersStatus", "machineUsersDescription", "machineUsersCreated", "machineUsersKeyExpiry", "machineUsersLastUsed"]} withActions />
        <Tbody>
          {keys.map((key) => (
            <Tr key={key.id} data-testid={`key-${key.id}`}>
              <Td><code>{key.id}</code></Td>
              <Td><StatusLabel credential={key} testId={`key-status-${key.id}`} /></Td>
              <Td>{key.description}</Td>
              <Td>{formatTime(key.createdAt)}</Td>
              <Td>{formatTime(key.expiresAt)}</Td>
              <Td>{formatTime(key.lastUsedAt)}</Td>
              <Td isActionCell>
                {!readOnly && (
                <ActionsColumn
                  items={[
                    key.status === "INACTIVE"
                      ? { title: t("machineUsersActivate"), onClick: () => void run(() => api.updateKey(machineUser.id, key.id, { status: "ACTIVE" })) }
                      : { title: t("machineUsersDeactivate"), onClick: () => void run(() => api.updateKey(machineUser.id, key.id, { status: "INACTIVE" })) },
                    { title: t("machineUsersChangeExpiry"), onClick: () => setEditing({ key, date: key.expiresAt ? new Date(key.expiresAt).toISOString().slice(0, 10) : "" }) },
                    { title: t("machineUsersReplace"), onClick: () => setPending({ action: "replace", key }) },
                    { title: t("machineUsersDelete"), onClick: () => setPending({ action: "delete", key }) },
                  ]}
                />
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {pending && (
        <ConfirmModal
          title={`${t(pending.action === "replace" ? "machineUsersReplace" : "machineUsersDelete")}: ${pending.key.id}`}
          message={t(pending.action === "replace" ? "machineUsersReplaceConfirm" : "machineUsersDeleteKeyConfirm")}
          confirmLabel={t(pending.action === "replace" ? "machineUsersReplace" : "machineUsersDelete")}
          danger
          onConfirm={() => {
            const { action, key } = pending;
            setPending(undefined);
            void run(async () => {
              if (action === "replace") show(await api.replaceKey(machineUser.id, key.id));
              else await api.deleteKey(machineUser.id, key.id);
            });
          }}
          onClose={() => setPending(undefined)}
        />
      )}
      {secret && <SecretModal details={secret} onClose={() => setSecret(undefined)} />}
    </>
  );
};
