import { Label, Title } from "@patternfly/react-core";
import type { IAction } from "@patternfly/react-table";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Credential } from "./api";

const STATUS_COLOR = { ACTIVE: "green", INACTIVE: "grey", EXPIRED: "orange" } as const;

/** ACTIVE, INACTIVE or EXPIRED, in the same colours for every kind of credential. */
export const StatusLabel = ({ credential, testId }: { credential: Credential; testId: string }) => {
  const { t } = useTranslation();
  return (
    <Label color={STATUS_COLOR[credential.status]} data-testid={testId}>
      {t(`machineUsersKeyStatus_${credential.status}`)}
    </Label>
  );
};

/** The row actions every kind shares: activate or deactivate, and delete (after the caller's confirmation). */
export const lifecycleActions = (
  t: TFunction,
  credential: Credential,
  setStatus: (status: "ACTIVE" | "INACTIVE") => void,
  askDelete: () => void,
): IAction[] => [
  credential.status === "INACTIVE"
    ? { title: t("machineUsersActivate"), onClick: () => setStatus("ACTIVE") }
    : { title: t("machineUsersDeactivate"), onClick: () => setStatus("INACTIVE") },
  { title: t("machineUsersDelete"), onClick: askDelete },
];

/** The heading of one kind's part of the credentials tab. */
export const CredentialHeading = ({ children }: { children: string }) => (
  <Title headingLevel="h3" size="lg" className="pf-v5-u-mt-lg pf-v5-u-mb-sm">
    {children}
  </Title>
);
