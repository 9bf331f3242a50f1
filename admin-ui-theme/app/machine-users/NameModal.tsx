import { Alert, Button, Form, FormGroup, Modal, ModalVariant, TextInput } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  title: string;
  initial?: string;
  save: (name: string) => Promise<unknown>;
  onSaved: () => void;
  onClose: () => void;
};

/** One name to give or change (a partition); the server's refusal stays in the dialog. */
export const NameModal = ({ title, initial = "", save, onSaved, onClose }: Props) => {
  const { t } = useTranslation();
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string>();
  const submit = async () => {
    setError(undefined);
    try {
      await save(name.trim());
      onSaved();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal
      variant={ModalVariant.small}
      title={title}
      isOpen
      onClose={onClose}
      actions={[
        <Button key="save" data-testid="name-save" isDisabled={!name.trim()} onClick={() => void submit()}>
          {t("machineUsersSave")}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose}>
          {t("machineUsersCancel")}
        </Button>,
      ]}
    >
      {error && <Alert variant="danger" isInline title={error} data-testid="name-error" />}
      <Form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <FormGroup label={t("machineUsersName")} fieldId="name-value" isRequired>
          <TextInput id="name-value" data-testid="name-value" value={name} onChange={(_e, v) => setName(v)} />
        </FormGroup>
      </Form>
    </Modal>
  );
};
