import { Alert, Button, Form, Modal, ModalVariant } from "@patternfly/react-core";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  title: string;
  /** Prefix of the data-testid of the save button ("-save") and of the error ("-error"). */
  testId: string;
  canSave: boolean;
  save: () => Promise<unknown>;
  onSaved: () => void;
  onClose: () => void;
  variant?: ModalVariant;
  children: ReactNode;
};

/** A dialog that saves one thing; the server's refusal stays in the dialog, with what was typed. */
export const FormModal = ({ title, testId, canSave, save, onSaved, onClose, variant = ModalVariant.medium, children }: Props) => {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const submit = async () => {
    setError(undefined);
    try {
      await save();
      onSaved();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal
      variant={variant}
      title={title}
      isOpen
      onClose={onClose}
      actions={[
        <Button key="save" data-testid={`${testId}-save`} isDisabled={!canSave} onClick={() => void submit()}>
          {t("machineUsersSave")}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose}>
          {t("machineUsersCancel")}
        </Button>,
      ]}
    >
      {error && <Alert variant="danger" isInline title={error} data-testid={`${testId}-error`} />}
      <Form
        onSubmit={(e) => {
          e.preventDefault();
          if (canSave) void submit();
        }}
      >
        {children}
      </Form>
    </Modal>
  );
};
