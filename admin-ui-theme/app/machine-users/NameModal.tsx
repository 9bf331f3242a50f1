import { FormGroup, ModalVariant, TextInput } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "./FormModal";

type Props = {
  title: string;
  initial?: string;
  save: (name: string) => Promise<unknown>;
  onSaved: () => void;
  onClose: () => void;
};

/** One name to give or change (a partition). */
export const NameModal = ({ title, initial = "", save, onSaved, onClose }: Props) => {
  const { t } = useTranslation();
  const [name, setName] = useState(initial);
  return (
    <FormModal title={title} testId="name" variant={ModalVariant.small} canSave={!!name.trim()} save={() => save(name.trim())} onSaved={onSaved} onClose={onClose}>
      <FormGroup label={t("machineUsersName")} fieldId="name-value" isRequired>
        <TextInput id="name-value" data-testid="name-value" value={name} onChange={(_e, v) => setName(v)} />
      </FormGroup>
    </FormModal>
  );
};
