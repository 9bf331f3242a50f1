import { ActionGroup, Button, Form, FormGroup, TextInput } from "@patternfly/react-core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { placeablePartitions, useCallerAccess, useMachineUsersApi, type MachineUserDetail, type Partition } from "./api";
import { PartitionSelect } from "./pickers";

type Props = { machineUser: MachineUserDetail; readOnly: boolean; onSaved: () => void; onError: (message: string) => void };

export const DetailsTab = ({ machineUser, readOnly, onSaved, onError }: Props) => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const [name, setName] = useState(machineUser.name);
  const [description, setDescription] = useState(machineUser.description ?? "");
  const [lifespan, setLifespan] = useState(machineUser.accessTokenLifespan?.toString() ?? "");
  const [email, setEmail] = useState(machineUser.notificationEmail ?? "");
  const [partition, setPartition] = useState(machineUser.partition ?? "");
  const [partitions, setPartitions] = useState<Partition[]>([]);
  const access = useCallerAccess();

  useEffect(() => {
    api.partitions().then(setPartitions, () => setPartitions([]));
  }, [api]);
  // The current partition stays a choice even where the caller could not move a machine user into it.
  const choices = placeablePartitions(partitions, access);
  const options = choices.some((p) => p.path === partition) ? choices : [...choices, ...partitions.filter((p) => p.path === partition)];

  const save = async () => {
    try {
      await api.update(machineUser.id, {
        name,
        description: description || null,
        accessTokenLifespan: lifespan ? Number(lifespan) : null,
        notificationEmail: email || null,
        ...(partition !== (machineUser.partition ?? "") ? { partition: partition || null } : {}),
      });
      onSaved();
    } catch (e) {
      onError((e as Error).message);
    }
  };

  return (
    <Form className="pf-v5-u-p-md" isWidthLimited onSubmit={(e) => e.preventDefault()}>
      <FormGroup label={t("machineUsersClientId")} fieldId="mu-client-id">
        <TextInput id="mu-client-id" value={machineUser.clientId} readOnlyVariant="default" />
      </FormGroup>
      <FormGroup label={t("machineUsersName")} fieldId="mu-edit-name" isRequired>
        <TextInput id="mu-edit-name" data-testid="edit-name" value={name} onChange={(_e, v) => setName(v)} />
      </FormGroup>
      <FormGroup label={t("machineUsersDescription")} fieldId="mu-edit-description">
        <TextInput id="mu-edit-description" data-testid="edit-description" value={description} onChange={(_e, v) => setDescription(v)} />
      </FormGroup>
      <FormGroup label={t("machineUsersPartition")} fieldId="mu-edit-partition">
        <PartitionSelect
          partitions={options}
          value={partition}
          rootLabel={access?.manageAll || !machineUser.partition ? t("machineUsersRealmRoot") : undefined}
          testId="edit-partition"
          isDisabled={readOnly}
          onChange={setPartition}
        />
      </FormGroup>
      <FormGroup label={t("machineUsersTokenLifespan")} fieldId="mu-edit-lifespan">
        <TextInput id="mu-edit-lifespan" type="number" value={lifespan} onChange={(_e, v) => setLifespan(v)} />
      </FormGroup>
      <FormGroup label={t("machineUsersNotificationEmail")} fieldId="mu-edit-email">
        <TextInput id="mu-edit-email" type="email" value={email} onChange={(_e, v) => setEmail(v)} />
      </FormGroup>
      {!readOnly && (
        // Sticky: at 1280x720 the form is taller than the window, and Save must not need a scroll.
        <ActionGroup className="pf-v5-u-background-color-100 pf-v5-u-py-md" style={{ position: "sticky", bottom: 0, zIndex: 1 }}>
          <Button data-testid="save-details" isDisabled={!name.trim()} onClick={() => void save()}>
            {t("machineUsersSave")}
          </Button>
        </ActionGroup>
      )}
    </Form>
  );
};
