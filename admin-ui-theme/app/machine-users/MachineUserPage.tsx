import {
  Button,
  Label,
  PageSection,
  Tab,
  Tabs,
  TabTitleText,
  Title,
} from "@patternfly/react-core";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";
import { useMachineUsersApi, type LifecycleAction, type MachineUserDetail } from "./api";
import { DetailsTab } from "./DetailsTab";
import { ErrorToast } from "./ErrorToast";
import { HistoryTab } from "./HistoryTab";
import { CredentialsTab } from "./CredentialsTab";
import { LifecycleConfirm } from "./LifecycleConfirm";
import { MembershipTab } from "./MembershipTab";
import { PermissionSetsTab } from "./PermissionSetsTab";
import { TokenPreviewTab } from "./TokenPreviewTab";
import { UsageTab } from "./UsageTab";

const TABS = ["details", "keys", "permission-sets", "membership", "token-preview", "history", "usage"] as const;
const TAB_TITLES: Record<(typeof TABS)[number], string> = {
  details: "machineUsersDetailsTab",
  keys: "machineUsersCredentials",
  "permission-sets": "machineUsersPermissionSets",
  membership: "machineUsersMembership",
  "token-preview": "machineUsersTokenPreview",
  history: "machineUsersHistory",
  usage: "machineUsersUsage",
};

export default function MachineUserPage() {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const navigate = useNavigate();
  const { id = "", tab = "details" } = useParams<{ id: string; tab: string }>();
  const [machineUser, setMachineUser] = useState<MachineUserDetail>();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState<LifecycleAction>();
  const onError = useCallback((message: string) => setError(message), []);

  const load = useCallback(() => {
    api.get(id).then(setMachineUser, (e: Error) => setError(e.message));
  }, [api, id]);

  useEffect(load, [load]);

  const act = async (action: LifecycleAction, reason: string) => {
    try {
      await api.apply(action, id, reason);
      if (action === "delete") {
        navigate(`/${api.realm}/machine-users`);
      } else {
        load();
      }
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const errors = <ErrorToast error={error} onClose={() => setError(undefined)} />;
  if (!machineUser) return <PageSection>{errors}</PageSection>;
  const suspended = machineUser.status === "SUSPENDED";
  const readOnly = machineUser.access?.manage !== true;

  return (
    <>
      {errors}
      <PageSection variant="light">
        <Title headingLevel="h1" data-testid="machine-user-title">
          {machineUser.name}{" "}
          <Label color={suspended ? "red" : "green"} data-testid="machine-user-status">
            {t(suspended ? "machineUsersStatusSuspended" : "machineUsersStatusActive")}
          </Label>
        </Title>
        <p>
          <code>{machineUser.clientId}</code> {suspended && machineUser.suspendedReason && `— ${machineUser.suspendedReason}`}
        </p>
        {!readOnly && (
        <div className="pf-v5-u-mt-sm">
          <Button variant="secondary" data-testid={suspended ? "resume" : "suspend"} onClick={() => setPending(suspended ? "resume" : "suspend")}>
            {t(suspended ? "machineUsersResume" : "machineUsersSuspend")}
          </Button>{" "}
          <Button variant="danger" data-testid="delete" onClick={() => setPending("delete")}>
            {t("machineUsersDelete")}
          </Button>
        </div>
        )}
      </PageSection>
      <PageSection variant="light" className="pf-v5-u-p-0">
        <Tabs activeKey={tab} onSelect={(_e, key) => navigate(`/${api.realm}/machine-users/${id}/${key}`)} mountOnEnter unmountOnExit>
          {TABS.map((key) => (
            <Tab key={key} eventKey={key} title={<TabTitleText>{t(TAB_TITLES[key])}</TabTitleText>} data-testid={`tab-${key}`}>
              {key === "details" && <DetailsTab machineUser={machineUser} readOnly={readOnly} onSaved={load} onError={onError} />}
              {key === "keys" && <CredentialsTab machineUser={machineUser} readOnly={readOnly} onError={onError} />}
              {key === "permission-sets" && <PermissionSetsTab machineUser={machineUser} readOnly={readOnly} onChanged={load} onError={onError} />}
              {key === "membership" && <MembershipTab machineUser={machineUser} onChanged={load} onError={onError} />}
              {key === "token-preview" && <TokenPreviewTab machineUser={machineUser} onError={onError} />}
              {key === "history" && <HistoryTab id={id} onError={onError} />}
              {key === "usage" && <UsageTab id={id} onError={onError} />}
            </Tab>
          ))}
        </Tabs>
      </PageSection>
      {pending && (
        <LifecycleConfirm
          action={pending}
          name={machineUser.name}
          onConfirm={(reason) => {
            const action = pending;
            setPending(undefined);
            void act(action, reason);
          }}
          onClose={() => setPending(undefined)}
        />
      )}
    </>
  );
}
