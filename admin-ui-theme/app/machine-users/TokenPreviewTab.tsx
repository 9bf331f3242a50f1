import {
  Alert,
  CodeBlock,
  CodeBlockCode,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Label,
  LabelGroup,
} from "@patternfly/react-core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMachineUsersApi, type MachineUserDetail, type TokenClaims } from "./api";

/** Realm roles, then client roles as "client: role", the way an API checking the token reads them. */
const rolesOf = (claims: TokenClaims) => [
  ...(claims.realm_access?.roles ?? []),
  ...Object.entries(claims.resource_access ?? {}).flatMap(([client, access]) => access.roles.map((role) => `${client}: ${role}`)),
];

const asList = (value?: string | string[]) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * What a token of this machine user carries now, without holding its secret: the server builds the
 * payload with Keycloak's own token machinery and answers it unsigned, so viewers may see it.
 */
export const TokenPreviewTab = ({ machineUser, onError }: { machineUser: MachineUserDetail; onError: (message: string) => void }) => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const [claims, setClaims] = useState<TokenClaims>();

  useEffect(() => {
    api.tokenPreview(machineUser.id).then(setClaims, (e: Error) => onError(e.message));
  }, [api, machineUser.id, onError]);

  if (!claims) return null;
  const row = (term: string, values: string[], testId: string) => (
    <DescriptionListGroup>
      <DescriptionListTerm>{t(term)}</DescriptionListTerm>
      <DescriptionListDescription data-testid={testId}>
        {values.length === 0 ? (
          "—"
        ) : (
          <LabelGroup numLabels={12}>
            {values.map((value) => (
              <Label key={value} isCompact>
                {value}
              </Label>
            ))}
          </LabelGroup>
        )}
      </DescriptionListDescription>
    </DescriptionListGroup>
  );

  return (
    <div className="pf-v5-u-p-md">
      <Alert
        variant="info"
        isInline
        isPlain
        title={t(machineUser.status === "SUSPENDED" ? "machineUsersPreviewSuspended" : "machineUsersPreviewIntro")}
      />
      <DescriptionList isHorizontal className="pf-v5-u-my-md" data-testid="token-preview">
        {row("machineUsersPreviewAudience", asList(claims.aud), "preview-audience")}
        {row("machineUsersPreviewRoles", rolesOf(claims), "preview-roles")}
        {row("machineUsersPermissionSets", claims.permission_sets ?? [], "preview-permission-sets")}
        {row("machineUsersPreviewPartitions", claims.partitions ?? [], "preview-partitions")}
        {row("machineUsersPreviewScope", (claims.scope ?? "").split(" ").filter(Boolean), "preview-scope")}
        <DescriptionListGroup>
          <DescriptionListTerm>{t("machineUsersPreviewLifetime")}</DescriptionListTerm>
          <DescriptionListDescription data-testid="preview-lifetime">
            {claims.exp && claims.iat ? t("machineUsersPreviewSeconds", { seconds: claims.exp - claims.iat }) : "—"}
          </DescriptionListDescription>
        </DescriptionListGroup>
      </DescriptionList>
      <CodeBlock data-testid="preview-payload">
        <CodeBlockCode>{JSON.stringify(claims, null, 2)}</CodeBlockCode>
      </CodeBlock>
    </div>
  );
};
