import { Button, Form, FormGroup, Modal, ModalVariant, TextInput } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  /** Asks for a reason (suspension) and passes it on. */
  withReason?: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
};

export const ConfirmModal = ({ title, message, confirmLabel, danger, withReason, onConfirm, onClose }: Props) => {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  return (
    <Modal
      variant={ModalVariant.small}
      title={title}
      isOpen
      onClose={onClose}
      actions={[
        <Button key="confirm" data-testid="confirm" variant={danger ? "danger" : "primary"} onClick={() => onConfirm(reason)}>
          {confirmLabel}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose}>
          {t("machineUsersCancel")}
        </Button>,
      ]}
    >
      <p>{message}</p>
      {withReason && (
        <Form className="pf-v5-u-mt-md" onSubmit={(e) => e.preventDefault()}>
          <FormGroup label={t("machineUsersSuspendReason")} fieldId="mu-reason">
            <TextInput id="mu-reason" data-testid="confirm-reason" value={reason} onChange={(_e, v) => setReason(v)} />
          </FormGroup>
        </Form>
      )}
    </Modal>
  );
};

/** The confirmation before a delete: one message, a danger button. */
export const ConfirmDelete = ({ message, onConfirm, onClose }: { message: string; onConfirm: () => void; onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <ConfirmModal title={t("machineUsersDelete")} message={message} confirmLabel={t("machineUsersDelete")} danger onConfirm={() => onConfirm()} onClose={onClose} />
  );
};
