import { Alert, Button, Form, FormGroup, FormHelperText, HelperText, HelperTextItem, Modal, ModalVariant, TextInput } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CreatedMachineUser } from "./api";
import { endOfDayUtc } from "./format";

type Props = {
  create: (body: Record<string, unknown>) => Promise<CreatedMachineUser>;
  onCreated: (created: CreatedMachineUser) => void;
  onClose: () => void;
};

const FIELDS = ["name", "description", "partition", "permissionSets", "accessTokenLifespan", "notificationEmail", "keyExpiresAt"] as const;
type Field = (typeof FIELDS)[number];

const LABELS: Record<Field, string> = {
  name: "machineUsersName",
  description: "machineUsersDescription",
  partition: "machineUsersPartition",
  permissionSets: "machineUsersPermissionSets",
  accessTokenLifespan: "machineUsersTokenLifespan",
  notificationEmail: "machineUsersNotificationEmail",
  keyExpiresAt: "machineUsersKeyExpiry",
};

/** Only what the admin filled in is sent; the server validates and answers 400 with the reason. */
export function toRequest(values: Partial<Record<Field, string>>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const text = (field: Field) => values[field]?.trim();
  if (text("name")) body.name = text("name");
  if (text("description")) body.description = text("description");
  if (text("partition")) body.partition = text("partition");
  if (text("notificationEmail")) body.notificationEmail = text("notificationEmail");
  if (text("permissionSets")) body.permissionSets = text("permissionSets")!.split(",").map((s) => s.trim()).filter(Boolean);
  if (text("accessTokenLifespan")) body.accessTokenLifespan = Number(text("accessTokenLifespan"));
  if (text("keyExpiresAt")) body.keyExpiresAt = endOfDayUtc(text("keyExpiresAt")!);
  return body;
}

export const CreateMachineUserModal = ({ create, onCreated, onClose }: Props) => {
  const { t } = useTranslation();
  const [values, setValues] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

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
        {FIELDS.map((field) => (
          <FormGroup key={field} label={t(LABELS[field])} fieldId={`mu-${field}`} isRequired={field === "name"}>
            <TextInput
              id={`mu-${field}`}
              data-testid={`create-${field}`}
              type={field === "keyExpiresAt" ? "date" : field === "accessTokenLifespan" ? "number" : field === "notificationEmail" ? "email" : "text"}
              value={values[field] ?? ""}
              onChange={(_e, value) => setValues({ ...values, [field]: value })}
            />
            {(field === "partition" || field === "permissionSets") && (
              <FormHelperText>
                <HelperText>
                  <HelperTextItem>{t(field === "partition" ? "machineUsersPartitionHelp" : "machineUsersPermissionSetsHelp")}</HelperTextItem>
                </HelperText>
              </FormHelperText>
            )}
          </FormGroup>
        ))}
      </Form>
    </Modal>
  );
};
