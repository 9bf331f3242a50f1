import { useTranslation } from "react-i18next";
import type { MachineUserDetail } from "./api";
import { CredentialHeading } from "./credentials";
import { FederatedCredentialsSection } from "./FederatedCredentialsSection";
import { KeysTab } from "./KeysTab";
import { PublicKeysSection } from "./PublicKeysSection";

type Props = { machineUser: MachineUserDetail; readOnly: boolean; onError: (message: string) => void };

/** Every credential of the machine user, one part per kind: access keys, public keys, federated credentials. */
export const CredentialsTab = ({ machineUser, readOnly, onError }: Props) => {
  const { t } = useTranslation();
  return (
    <>
      <CredentialHeading>{t("machineUsersKeys")}</CredentialHeading>
      <KeysTab machineUser={machineUser} readOnly={readOnly} onError={onError} />
      <PublicKeysSection machineUser={machineUser} readOnly={readOnly} onError={onError} />
      <FederatedCredentialsSection machineUser={machineUser} readOnly={readOnly} onError={onError} />
    </>
  );
};
