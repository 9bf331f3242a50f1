import { FormGroup, TextInput } from "@patternfly/react-core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMachineUsersApi, type MachineUserGroup, type Partition, type PermissionSet } from "./api";
import { FormModal } from "./FormModal";
import { ChoiceList } from "./pickers";

type Props = {
  existing?: MachineUserGroup;
  onSaved: () => void;
  onClose: () => void;
};

/** A group's sets and partition grants are chosen from what exists, so a typo cannot grant nothing. */
export const GroupModal = ({ existing, onSaved, onClose }: Props) => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const [name, setName] = useState(existing?.name ?? "");
  const [description, setDescription] = useState(existing?.description ?? "");
  const [sets, setSets] = useState<string[]>(existing?.permissionSets ?? []);
  const [grants, setGrants] = useState<string[]>(existing?.partitions ?? []);
  const [allSets, setAllSets] = useState<PermissionSet[]>([]);
  const [allPartitions, setAllPartitions] = useState<Partition[]>([]);

  useEffect(() => {
    Promise.all([api.permissionSets(), api.partitions()]).then(
      ([s, p]) => {
        setAllSets(s);
        setAllPartitions(p);
      },
      () => undefined,
    );
  }, [api]);

  const save = () => {
    const body = { name: name.trim(), description: description.trim() || undefined, permissionSets: sets, partitions: grants };
    return existing ? api.updateGroup(existing.id, body) : api.createGroup(body);
  };

  return (
    <FormModal
      title={t(existing ? "machineUsersEditGroup" : "machineUsersCreateGroup")}
      testId="group"
      canSave={!!name.trim()}
      save={save}
      onSaved={onSaved}
      onClose={onClose}
    >
        <FormGroup label={t("machineUsersName")} fieldId="group-name" isRequired>
          <TextInput id="group-name" data-testid="group-name" value={name} onChange={(_e, v) => setName(v)} />
        </FormGroup>
        <FormGroup label={t("machineUsersDescription")} fieldId="group-description">
          <TextInput id="group-description" data-testid="group-description" value={description} onChange={(_e, v) => setDescription(v)} />
        </FormGroup>
        <FormGroup label={t("machineUsersPermissionSets")} fieldId="group-sets" role="group">
          <ChoiceList
            testId="group-sets"
            options={allSets.map((s) => ({ value: s.name }))}
            chosen={sets}
            onChange={setSets}
            empty={t("machineUsersNoSets")}
          />
        </FormGroup>
        <FormGroup label={t("machineUsersPartitionGrants")} fieldId="group-partitions" role="group">
          <ChoiceList
            testId="group-partitions"
            options={[...allPartitions].sort((a, b) => a.path.localeCompare(b.path)).map((p) => ({ value: p.path }))}
            chosen={grants}
            onChange={setGrants}
            empty={t("machineUsersNoPartitions")}
          />
        </FormGroup>
    </FormModal>
  );
};
