import { Alert, Button, Form, FormGroup, Modal, ModalVariant, TextInput } from "@patternfly/react-core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { placeablePartitions, useMachineUsersApi, type CallerAccess, type CreatedMachineUser, type MachineUserGroup, type Partition, type PermissionSet } from "./api";
import { endOfDayUtc } from "./format";
import { ChoiceList, PartitionSelect } from "./pickers";

type Props = {
  create: (body: Record<string, unknown>) => Promise<CreatedMachineUser>;
  access?: CallerAccess;
  onCreated: (created: CreatedMachineUser) => void;
  onClose: () => void;
};

const TEXT_FIELDS = ["name", "description", "accessTokenLifespan", "notificationEmail", "keyExpiresAt"] as const;
type TextField = (typeof TEXT_FIELDS)[number];

const LABELS: Record<TextField, string> = {
  name: "machineUsersName",
  description: "machineUsersDescription",
  accessTokenLifespan: "machineUsersTokenLifespan",
  notificationEmail: "machineUsersNotificationEmail",
  keyExpiresAt: "machineUsersKeyExpiry",
};

const INPUT_TYPES: Partial<Record<TextField, "date" | "number" | "email">> = {
  keyExpiresAt: "date",
  accessTokenLifespan: "number",
  notificationEmail: "email",
};

type Values = Partial<Record<TextField, string>> & { partition: string; permissionSets: string[]; groups: string[] };

/** Only what the admin filled in is sent; the server validates and answers 400 with the reason. */
export function toRequest(values: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const text = (field: TextField) => values[field]?.trim();
  if (text("name")) body.name = text("name");
  if (text("description")) body.description = text("description");
  if (values.partition) body.partition = values.partition;
  if (values.permissionSets.length) body.permissionSets = values.permissionSets;
  if (values.groups.length) body.groups = values.groups;
  if (text("notificationEmail")) body.notificationEmail = text("notificationEmail");
  if (text("accessTokenLifespan")) body.accessTokenLifespan = Number(text("accessTokenLifespan"));
  if (text("keyExpiresAt")) body.keyExpiresAt = endOfDayUtc(text("keyExpiresAt")!);
  return body;
}

export const CreateMachineUserModal = ({ create, access, onCreated, onClose }: Props) => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const [values, setValues] = useState<Values>({ partition: "", permissionSets: [], groups: [] });
  const [partitions, setPartitions] = useState<Partition[]>([]);
  const [sets, setSets] = useState<PermissionSet[]>([]);
  const [groups, setGroups] = useState<MachineUserGroup[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const placeable = placeablePartitions(partitions, access);
  // A partition administrator may create only inside their partitions, so the first one is preselected.
  const mustChoose = access?.manageAll !== true;
  // Groups carry partition grants, so the server lets only realm-wide managers place a new machine user in one.
  const mayJoinGroups = access?.manageAll === true;

  useEffect(() => {
    Promise.all([api.partitions(), api.permissionSets()]).then(
      ([p, s]) => {
        setPartitions(p);
        setSets(s);
        const first = placeablePartitions(p, access).map((x) => x.path).sort()[0];
        if (mustChoose && first) setValues((v) => ({ ...v, partition: v.partition || first }));
      },
      (e: Error) => setError(e.message),
    );
  }, [api, access, mustChoose]);

  useEffect(() => {
    if (mayJoinGroups) api.groups().then(setGroups, (e: Error) => setError(e.message));
  }, [api, mayJoinGroups]);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onCreated(await create(toRequest(values)));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const textInput = (field: TextField) => (
    <FormGroup key={field} label={t(LABELS[field])} fieldId={`mu-${field}`} isRequired={field === "name"}>
      <TextInput
        id={`mu-${field}`}
        data-testid={`create-${field}`}
        type={INPUT_TYPES[field] ?? "text"}
        value={values[field] ?? ""}
        onChange={(_e, value) => setValues({ ...values, [field]: value })}
      />
    </FormGroup>
  );

  return (
    <Modal
      variant={ModalVariant.medium}
      title={t("machineUsersCreate")}
      isOpen
      onClose={onClose}
      actions={[
        <Button key="create" data-testid="create-submit" isDisabled={busy || !values.name?.trim()} onClick={() => void submit()}>
          {t("machineUsersCreate")}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose}>
          {t("machineUsersCancel")}
        </Button>,
      ]}
    >
      {error && <Alert variant="danger" isInline title={error} data-testid="create-error" />}
      <Form onSubmit={(e) => e.preventDefault()}>
        {textInput("name")}
        {textInput("description")}
        <FormGroup label={t("machineUsersPartition")} fieldId="mu-partition">
          <PartitionSelect
            partitions={placeable}
            value={values.partition}
            rootLabel={mustChoose ? undefined : t("machineUsersRealmRoot")}
            testId="create-partition"
            onChange={(partition) => setValues({ ...values, partition })}
          />
        </FormGroup>
        <FormGroup label={t("machineUsersPermissionSets")} fieldId="mu-permission-sets" role="group">
          <ChoiceList
            testId="create-sets"
            options={sets.map((s) => ({ value: s.name, label: s.description ? `${s.name} — ${s.description}` : s.name }))}
            chosen={values.permissionSets}
            onChange={(permissionSets) => setValues({ ...values, permissionSets })}
            empty={t("machineUsersNoSets")}
          />
        </FormGroup>
        {mayJoinGroups && (
          <FormGroup label={t("machineUsersGroups")} fieldId="mu-groups" role="group">
            <ChoiceList
              testId="create-groups"
              options={groups.map((g) => ({ value: g.name, label: g.description ? `${g.name} — ${g.description}` : g.name }))}
              chosen={values.groups}
              onChange={(chosen) => setValues({ ...values, groups: chosen })}
              empty={t("machineUsersNoGroups")}
            />
          </FormGroup>
        )}
        {textInput("accessTokenLifespan")}
        {textInput("notificationEmail")}
        {textInput("keyExpiresAt")}
      </Form>
    </Modal>
  );
};
