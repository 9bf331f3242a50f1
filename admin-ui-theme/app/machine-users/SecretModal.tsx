import {
  Alert,
  Button,
  ClipboardCopy,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Modal,
  ModalVariant,
} from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

export type SecretDetails = { clientId: string; keyId: string; secret: string };

/**
 * The only place a secret is ever shown. It lives in this component's props and nowhere else:
 * closing the dialog drops it, and the API has no way to read it again.
 */
export const SecretModal = ({ details, onClose }: { details: SecretDetails; onClose: () => void }) => {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const all = `client_id=${details.clientId}\nkey_id=${details.keyId}\nclient_secret=${details.secret}\n`;

  return (
    <Modal
      variant={ModalVariant.medium}
      title={t("machineUsersSecretTitle")}
      isOpen
      onClose={onClose}
      data-testid="secret-dialog"
      actions={[
        <Button key="copy" variant="secondary" data-testid="copy-details" onClick={() => {
          void navigator.clipboard?.writeText(all);
          setCopied(true);
        }}>
          {copied ? t("machineUsersCopied") : t("machineUsersCopyDetails")}
        </Button>,
        <Button key="done" variant="primary" data-testid="secret-done" onClick={onClose}>
          {t("machineUsersDone")}
        </Button>,
      ]}
    >
      <Alert variant="warning" isInline title={t("machineUsersSecretWarning")} />
      <DescriptionList isHorizontal className="pf-v5-u-mt-md">
        {[
          { label: "machineUsersClientId", value: details.clientId, testId: "secret-client-id" },
          { label: "machineUsersKeyId", value: details.keyId, testId: "secret-key-id" },
          { label: "machineUsersSecret", value: details.secret, testId: "secret-value" },
        ].map(({ label, value, testId }) => (
          <DescriptionListGroup key={testId}>
            <DescriptionListTerm>{t(label)}</DescriptionListTerm>
            <DescriptionListDescription>
              <ClipboardCopy isReadOnly data-testid={testId}>
                {value}
              </ClipboardCopy>
            </DescriptionListDescription>
          </DescriptionListGroup>
        ))}
      </DescriptionList>
    </Modal>
  );
};
