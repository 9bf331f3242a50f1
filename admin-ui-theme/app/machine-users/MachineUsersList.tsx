import {
  Button,
  FormSelect,
  FormSelectOption,
  Label,
  PageSection,
  SearchInput,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { ActionsColumn, Table, Tbody, Td, Tr } from "@patternfly/react-table";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { TableHead } from "./TableHead";
import { Link, useSearchParams } from "react-router-dom";
import { ApiError, useCallerAccess, useMachineUsersApi, type LifecycleAction, type MachineUser, type Partition } from "./api";
import { ErrorToast } from "./ErrorToast";
import { fitLongest, PartitionSelect } from "./pickers";
import { CreateMachineUserModal } from "./CreateMachineUserModal";
import { formatTime } from "./format";
import { LifecycleConfirm } from "./LifecycleConfirm";
import { SecretModal, type SecretDetails } from "./SecretModal";

const PAGE_SIZE = 20;

type Pending = { action: LifecycleAction; machineUser: MachineUser };

export const MachineUsersList = () => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const access = useCallerAccess();
  const [searchParams, setSearchParams] = useSearchParams();
  const partition = searchParams.get("partition") ?? "";
  const [partitions, setPartitions] = useState<Partition[]>([]);
  const [rows, setRows] = useState<MachineUser[]>([]);
  const [first, setFirst] = useState(0);
  const [hasNext, setHasNext] = useState(false);
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<SecretDetails>();
  const [pending, setPending] = useState<Pending>();
  const canCreate = access !== undefined && (access.manageAll || access.managedPartitions.length > 0);

  useEffect(() => {
    api.partitions().then(setPartitions, () => setPartitions([]));
  }, [api]);

  const load = useCallback(async () => {
    try {
      // One more than a page tells whether there is a next page.
      const page = await api.list({ first, max: PAGE_SIZE + 1, search, status, partition });
      setHasNext(page.length > PAGE_SIZE);
      setRows(page.slice(0, PAGE_SIZE));
      setError(undefined);
    } catch (e) {
      setRows([]);
      setError(e instanceof ApiError && e.status === 403 ? "403 Forbidden" : (e as Error).message);
    }
  }, [api, first, search, status, partition]);

  useEffect(() => {
    void load();
  }, [load]);

  const run = async (work: () => Promise<void>) => {
    try {
      await work();
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const confirm = (reason: string) => {
    if (!pending) return;
    const { action, machineUser } = pending;
    setPending(undefined);
    void run(() => api.apply(action, machineUser.id, reason));
  };

  return (
    <>
      <PageSection variant="light" className="pf-v5-u-p-0">
        <ErrorToast error={error} onClose={() => setError(undefined)} testId="section-error" />
        <Toolbar>
          <ToolbarContent>
            {/* The placeholder says how search matches; it must be readable whole. */}
            <ToolbarItem widths={{ default: `${t("machineUsersSearch").length + 6}ch` }}>
              <SearchInput
                placeholder={t("machineUsersSearch")}
                data-testid="search"
                value={search}
                onChange={(_e, value) => {
                  setFirst(0);
                  setSearch(value);
                }}
                onClear={() => setSearch("")}
              />
            </ToolbarItem>
            <ToolbarItem>
              <FormSelect
                aria-label={t("machineUsersStatus")}
                data-testid="status-filter"
                value={status}
                style={fitLongest([t("machineUsersStatusAll"), t("machineUsersStatusActive"), t("machineUsersStatusSuspended")])}
                onChange={(_e, value) => {
                setFirst(0);
                setStatus(value);
              }}>
                <FormSelectOption value="" label={t("machineUsersStatusAll")} />
                <FormSelectOption value="ACTIVE" label={t("machineUsersStatusActive")} />
                <FormSelectOption value="SUSPENDED" label={t("machineUsersStatusSuspended")} />
              </FormSelect>
            </ToolbarItem>
            <ToolbarItem>
              <PartitionSelect
                partitions={partitions}
                value={partition}
                rootLabel={t("machineUsersAllPartitions")}
                testId="partition-filter"
                onChange={(path) => {
                  setFirst(0);
                  setSearchParams(path ? { partition: path } : {});
                }}
              />
            </ToolbarItem>
            {canCreate && (
              <ToolbarItem>
                <Button data-testid="create-machine-user" onClick={() => setCreating(true)}>
                  {t("machineUsersCreate")}
                </Button>
              </ToolbarItem>
            )}
            <ToolbarItem variant="pagination" align={{ default: "alignRight" }}>
              <Button variant="plain" data-testid="previous-page" isDisabled={first === 0} onClick={() => setFirst(Math.max(0, first - PAGE_SIZE))}>
                {t("machineUsersPrevious")}
              </Button>
              <Button variant="plain" data-testid="next-page" isDisabled={!hasNext} onClick={() => setFirst(first + PAGE_SIZE)}>
                {t("machineUsersNext")}
              </Button>
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
        <Table aria-label={t("machineUsers")} variant="compact" data-testid="machine-users-table">
          <TableHead columns={["machineUsersName", "machineUsersClientId", "machineUsersStatus", "machineUsersPartition", "machineUsersCreated"]} withActions />
          <Tbody>
            {rows.length === 0 && (
              <Tr>
                <Td colSpan={6}>{t("machineUsersEmpty")}</Td>
              </Tr>
            )}
            {rows.map((mu) => (
              <Tr key={mu.id} data-testid={`row-${mu.clientId}`}>
                <Td dataLabel={t("machineUsersName")}>
                  <Link to={`/${api.realm}/machine-users/${mu.id}/details`} data-testid={`open-${mu.clientId}`}>
                    {mu.name}
                  </Link>
                </Td>
                <Td dataLabel={t("machineUsersClientId")}>
                  <code>{mu.clientId}</code>
                </Td>
                <Td dataLabel={t("machineUsersStatus")}>
                  {mu.status === "SUSPENDED" ? (
                    <Label color="red" data-testid="status-label">{t("machineUsersStatusSuspended")}</Label>
                  ) : (
                    <Label color="green" data-testid="status-label">{t("machineUsersStatusActive")}</Label>
                  )}
                </Td>
                <Td dataLabel={t("machineUsersPartition")}>{mu.partition ?? "/"}</Td>
                <Td dataLabel={t("machineUsersCreated")}>{formatTime(mu.createdAt)}</Td>
                <Td isActionCell>
                  {mu.access?.manage && (
                  <ActionsColumn
                    items={[
                      mu.status === "SUSPENDED"
                        ? { title: t("machineUsersResume"), onClick: () => setPending({ action: "resume", machineUser: mu }) }
                        : { title: t("machineUsersSuspend"), onClick: () => setPending({ action: "suspend", machineUser: mu }) },
                      { title: t("machineUsersDelete"), onClick: () => setPending({ action: "delete", machineUser: mu }) },
                    ]}
                  />
                  )}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </PageSection>
      {creating && (
        <CreateMachineUserModal
          create={api.create}
          access={access}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            if (created.accessKey) {
              setSecret({ clientId: created.clientId, keyId: created.accessKey.id, secret: created.accessKey.secret });
            }
            void load();
          }}
        />
      )}
      {secret && <SecretModal details={secret} onClose={() => setSecret(undefined)} />}
      {pending && (
        <LifecycleConfirm
          action={pending.action}
          name={pending.machineUser.name}
          onConfirm={confirm}
          onClose={() => setPending(undefined)}
        />
      )}
    </>
  );
};
