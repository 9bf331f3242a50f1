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

export type PrivateKeyDetails = { clientId: string; keyId: string; algorithm: string; privateKey: string };

/**
 * The only place a generated private key is ever offered, as a file to save, the way a cloud provider hands out a
 * service-account key file. It lives in this component's props only: closing the dialog drops it, and the server
 * never kept it.
 */
export const PrivateKeyModal = ({ details, onClose }: { details: PrivateKeyDetails; onClose: () => void }) => {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const download = () => {
    const url = URL.createObjectURL(new Blob([details.privateKey], { type: "application/x-pem-file" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${details.keyId}.pem`;
    link.click();
    URL.revokeObjectURL(url);
    setSaved(true);
  };

  return (
    <Modal
      variant={ModalVariant.medium}
      title={t("machineUsersPrivateKeyTitle")}
      isOpen
      onClose={onClose}
      data-testid="private-key-dialog"
      actions={[
        <Button key="download" variant="primary" data-testid="download-private-key" onClick={download}>
          {saved ? t("machineUsersPrivateKeySaved") : t("machineUsersDownloadPrivateKey")}
        </Button>,
        <Button key="done" variant="secondary" data-testid="private-key-done" onClick={onClose}>
          {t("machineUsersPrivateKeyDone")}
        </Button>,
      ]}
    >
      <Alert variant="warning" isInline title={t("machineUsersPrivateKeyWarning")} />
      <DescriptionList isHorizontal className="pf-v5-u-mt-md">
        {[
          { label: "machineUsersClientId", value: details.clientId, testId: "private-key-client-id" },
          { label: "machineUsersKeyId", value: details.keyId, testId: "private-key-key-id" },
          { label: "machineUsersAlgorithm", value: details.algorithm, testId: "private-key-algorithm" },
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
      <p className="pf-v5-u-mt-md">{t("machineUsersPrivateKeyUse")}</p>
    </Modal>
  );
};
