import {
  Button,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  TextInput,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { ActionsColumn, Table, Tbody, Td, Tr } from "@patternfly/react-table";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FederatedCredential, IdentityProviderSummary, MachineUserDetail } from "./api";
import { useMachineUsersApi } from "./api";
import { ConfirmModal } from "./ConfirmModal";
import { CredentialHeading, StatusLabel, lifecycleActions } from "./credentials";
import { FormModal } from "./FormModal";
import { formatTime } from "./format";
import { TableHead } from "./TableHead";

type Props = { machineUser: MachineUserDetail; readOnly: boolean; onError: (message: string) => void };

/** The federated credentials of a machine user: which external identities' tokens authenticate it. */
export const FederatedCredentialsSection = ({ machineUser, readOnly, onError }: Props) => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const [credentials, setCredentials] = useState<FederatedCredential[]>([]);
  const [limit, setLimit] = useState<number>();
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<FederatedCredential>();

  const load = useCallback(async () => {
    try {
      const [loaded, policy] = await Promise.all([api.federatedCredentials(machineUser.id), api.policy()]);
      setCredentials(loaded);
      setLimit(policy.maxFederatedCredentialsPerMachineUser);
    } catch (e) {
      onError((e as Error).message);
    }
  }, [api, machineUser.id, onError]);

  useEffect(() => {
    void load();
  }, [load]);

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (e) {
      onError((e as Error).message);
    }
    await load();
  };

  return (
    <>
      <CredentialHeading>{t("machineUsersFederatedCredentials")}</CredentialHeading>
      <Toolbar>
        <ToolbarContent>
          {!readOnly && (
            <ToolbarItem>
              <Button data-testid="add-federated-credential" isDisabled={limit !== undefined && credentials.length >= limit}
                onClick={() => setAdding(true)}>
                {t("machineUsersAddFederatedCredential")}
              </Button>
            </ToolbarItem>
          )}
          <ToolbarItem>
            <span data-testid="federated-credential-limit">
              {t("machineUsersCredentialLimit", { count: credentials.length, limit: limit ?? "?" })}
            </span>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <Table aria-label={t("machineUsersFederatedCredentials")} variant="compact" data-testid="federated-credentials-table">
        <TableHead
          columns={["machineUsersCredentialId", "machineUsersStatus", "machineUsersIdentityProvider", "machineUsersSubject", "machineUsersDescription", "machineUsersKeyExpiry", "machineUsersLastUsed"]}
          withActions
        />
        <Tbody>
          {credentials.map((credential) => (
            <Tr key={credential.id} data-testid={`federated-credential-${credential.id}`}>
              <Td><code>{credential.id}</code></Td>
              <Td><StatusLabel credential={credential} testId={`federated-credential-status-${credential.id}`} /></Td>
              <Td>{credential.identityProvider}</Td>
              <Td><code>{credential.subject}</code></Td>
              <Td>{credential.description}</Td>
              <Td>{formatTime(credential.expiresAt)}</Td>
              <Td>{formatTime(credential.lastUsedAt)}</Td>
              <Td isActionCell>
                {!readOnly && (
                  <ActionsColumn
                    items={lifecycleActions(t, credential,
                      (status) => void run(() => api.updateFederatedCredential(machineUser.id, credential.id, { status })),
                      () => setDeleting(credential))}
                  />
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {adding && (
        <AddFederatedCredentialModal
          machineUserId={machineUser.id}
          onAdded={() => {
            setAdding(false);
            void load();
          }}
          onClose={() => setAdding(false)}
        />
      )}
      {deleting && (
        <ConfirmModal
          title={`${t("machineUsersDelete")}: ${deleting.id}`}
          message={t("machineUsersDeleteFederatedConfirm")}
          confirmLabel={t("machineUsersDelete")}
          danger
          onConfirm={() => {
            const credential = deleting;
            setDeleting(undefined);
            void run(() => api.deleteFederatedCredential(machineUser.id, credential.id));
          }}
          onClose={() => setDeleting(undefined)}
        />
      )}
    </>
  );
};

/** What the subject of a provider's tokens looks like, by the provider's type or issuer. */
const subjectExample = (provider?: IdentityProviderSummary): string => {
  if (!provider) return "system:serviceaccount:billing:meter-reader";
  if (provider.providerId === "kubernetes") return "system:serviceaccount:<namespace>:<service account>";
  if (provider.providerId === "spiffe") return "spiffe://<trust domain>/<workload>";
  if (provider.issuer?.startsWith("https://token.actions.githubusercontent.com")) return "repo:<owner>/<repository>:environment:<environment>";
  if (provider.issuer?.includes("gitlab")) return "project_path:<group>/<project>:ref_type:branch:ref:<branch>";
  return "<the sub claim of the provider's tokens>";
};

type AddProps = { machineUserId: string; onAdded: () => void; onClose: () => void };

/**
 * Picks an identity provider of the realm (those who may not list them type its alias) and the exact subject, with
 * what subjects look like for Kubernetes, GitHub Actions and GitLab CI.
 */
const AddFederatedCredentialModal = ({ machineUserId, onAdded, onClose }: AddProps) => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const [providers, setProviders] = useState<IdentityProviderSummary[]>();
  const [alias, setAlias] = useState("");
  const [subject, setSubject] = useState("");
  const [description, setDescription] = useState("");

  useEffect(() => {
    void api.identityProviders().then((found) => {
      setProviders(found);
      if (found.length > 0) setAlias((current) => current || found[0].alias);
    });
  }, [api]);

  const selected = providers?.find((p) => p.alias === alias);

  return (
    <FormModal
      title={t("machineUsersAddFederatedCredential")}
      testId="federated-credential"
      canSave={alias.trim().length > 0 && subject.trim().length > 0}
      save={() => api.createFederatedCredential(machineUserId, {
        identityProvider: alias.trim(),
        subject: subject.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
      })}
      onSaved={onAdded}
      onClose={onClose}
    >
      <FormGroup label={t("machineUsersIdentityProvider")} fieldId="federated-provider" isRequired>
        {providers && providers.length > 0 ? (
          <FormSelect id="federated-provider" data-testid="federated-provider" value={alias} onChange={(_e, value) => setAlias(value)}>
            {providers.map((p) => (
              <FormSelectOption key={p.alias} value={p.alias} label={`${p.displayName || p.alias} (${p.providerId})`} />
            ))}
          </FormSelect>
        ) : (
          <TextInput id="federated-provider" data-testid="federated-provider-alias" value={alias} onChange={(_e, value) => setAlias(value)} />
        )}
        <FormHelperText>
          <HelperText>
            <HelperTextItem>{t("machineUsersIdentityProviderHelp")}</HelperTextItem>
          </HelperText>
        </FormHelperText>
      </FormGroup>
      <FormGroup label={t("machineUsersSubject")} fieldId="federated-subject" isRequired>
        <TextInput id="federated-subject" data-testid="federated-subject" value={subject} placeholder={subjectExample(selected)}
          onChange={(_e, value) => setSubject(value)} />
        <FormHelperText>
          <HelperText>
            <HelperTextItem data-testid="federated-subject-examples">
              {t("machineUsersSubjectExamples")}
              <ul className="pf-v5-u-ml-md">
                <li>Kubernetes: <code>system:serviceaccount:billing:meter-reader</code></li>
                <li>GitHub Actions: <code>repo:acme/meter-export:environment:production</code></li>
                <li>GitLab CI: <code>project_path:acme/meter-export:ref_type:branch:ref:main</code></li>
              </ul>
            </HelperTextItem>
          </HelperText>
        </FormHelperText>
      </FormGroup>
      <FormGroup label={t("machineUsersDescription")} fieldId="federated-description">
        <TextInput id="federated-description" data-testid="federated-description" value={description}
          onChange={(_e, value) => setDescription(value)} />
      </FormGroup>
    </FormModal>
  );
};
