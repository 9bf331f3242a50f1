import { FormGroup, FormHelperText, HelperText, HelperTextItem, TextArea, TextInput } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PermissionSet } from "./api";
import { FormModal } from "./FormModal";

type Props = {
  /** The set being edited; a new one when absent. */
  existing?: PermissionSet;
  save: (set: PermissionSet) => Promise<unknown>;
  onSaved: () => void;
  onClose: () => void;
};

/** Roles one per line, as names (realm role) or clientId/role; the server rejects unknown roles with a 400. */
export const PermissionSetModal = ({ existing, save, onSaved, onClose }: Props) => {
  const { t } = useTranslation();
  const [name, setName] = useState(existing?.name ?? "");
  const [description, setDescription] = useState(existing?.description ?? "");
  const [roles, setRoles] = useState((existing?.roles ?? []).join("\n"));
  const set = (): PermissionSet => ({
    name: name.trim(),
    description: description.trim() || undefined,
    roles: roles.split(/\r?\n/).map((r) => r.trim()).filter(Boolean),
  });

  return (
    <FormModal
      title={t(existing ? "machineUsersEditSet" : "machineUsersCreateSet")}
      testId="set"
      canSave={!!name.trim()}
      save={() => save(set())}
      onSaved={onSaved}
      onClose={onClose}
    >
      <FormGroup label={t("machineUsersName")} fieldId="set-name" isRequired>
        <TextInput id="set-name" data-testid="set-name" value={name} isDisabled={!!existing} onChange={(_e, v) => setName(v)} />
      </FormGroup>
      <FormGroup label={t("machineUsersDescription")} fieldId="set-description">
        <TextInput id="set-description" data-testid="set-description" value={description} onChange={(_e, v) => setDescription(v)} />
      </FormGroup>
      <FormGroup label={t("machineUsersRoles")} fieldId="set-roles">
        <TextArea id="set-roles" data-testid="set-roles" value={roles} rows={5} onChange={(_e, v) => setRoles(v)} />
        <FormHelperText>
          <HelperText>
            <HelperTextItem>{t("machineUsersRolesHelp")}</HelperTextItem>
          </HelperText>
        </FormHelperText>
      </FormGroup>
    </FormModal>
  );
};
