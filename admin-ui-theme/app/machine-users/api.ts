import { useAdminClient, useRealm } from "@keycloak/keycloak-admin-ui";
import { useEffect, useMemo, useState } from "react";

export type MachineUser = {
  id: string;
  clientId: string;
  name: string;
  description?: string;
  status: "ACTIVE" | "SUSPENDED";
  suspendedReason?: string;
  partition?: string;
  createdAt?: number;
  /** What the signed-in administrator may do with it; the API refuses the rest anyway. */
  access?: { view: boolean; manage: boolean };
};

export type LifecycleAction = "suspend" | "resume" | "delete";

export type CallerAccess = { manageAll: boolean; viewAll: boolean; managedPartitions: string[] };

export type MachineUserDetail = MachineUser & {
  accessTokenLifespan?: number;
  notificationEmail?: string;
  permissionSets?: string[];
  groups?: string[];
  createdBy?: string;
};

export type AccessKey = {
  id: string;
  status: "ACTIVE" | "INACTIVE" | "EXPIRED";
  description?: string;
  createdAt?: number;
  createdBy?: string;
  expiresAt?: number;
  lastUsedAt?: number;
};

export type IssuedKey = AccessKey & { secret: string };

/** The lifecycle every kind of credential shares. */
export type Credential = AccessKey;

export type PublicKey = Credential & { algorithm: string; jwk: Record<string, unknown>; privateKey?: string };

export type FederatedCredential = Credential & { identityProvider: string; subject: string };

/** An identity provider of the realm as the credential dialog needs it. */
export type IdentityProviderSummary = { alias: string; providerId: string; displayName?: string; issuer?: string };

export type HistoryEntry = { id: string; time: number; actorUsername?: string; action: string; details?: unknown };

export type UsageDay = { date: string; tokensIssued: number; failedAttempts: number };

/** The payload of an access token, as GET /machine-users/{id}/token-preview answers it (never signed). */
export type TokenClaims = {
  iss?: string;
  aud?: string | string[];
  azp?: string;
  iat?: number;
  exp?: number;
  scope?: string;
  realm_access?: { roles: string[] };
  resource_access?: Record<string, { roles: string[] }>;
  permission_sets?: string[];
  partitions?: string[];
  [claim: string]: unknown;
};

export type Policy = {
  maxKeysPerMachineUser: number;
  maxKeyLifetimeDays?: number;
  maxPublicKeysPerMachineUser: number;
  maxFederatedCredentialsPerMachineUser: number;
};

export type PermissionSet = { name: string; description?: string; roles?: string[]; managed?: boolean; readOnly?: boolean };

export type Partition = { id: string; name: string; parentId?: string; path: string; machineUsers?: number };

export type PartitionRole = "administrators" | "viewers";

export type UserReference = { id: string; username: string };

export type MachineUserGroup = {
  id: string;
  name: string;
  description?: string;
  permissionSets?: string[];
  partitions?: string[];
  members?: number;
};

export type CreatedMachineUser = MachineUser & { accessKey?: IssuedKey };

/** The server's page limit: partitions, groups and sets are read whole to draw trees and pickers. */
const ALL = 1000;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The extension's admin REST API under {adminBaseUrl}/admin/realms/{realm}/machine-users, called
 * with the console's own admin token (refreshed by the admin client as needed).
 */
export const useMachineUsersApi = () => {
  const { adminClient } = useAdminClient();
  const { realm } = useRealm();

  return useMemo(() => {
    const realmBase = `${adminClient.baseUrl}/admin/realms/${encodeURIComponent(realm)}`;

    async function request<T>(path: string, init: RequestInit = {}, under = "/machine-users"): Promise<T> {
      const token = await adminClient.getAccessToken();
      const response = await fetch(realmBase + under + path, {
        ...init,
        headers: {
          Accept: "application/json",
          ...(init.body ? { "Content-Type": "application/json" } : {}),
          Authorization: `Bearer ${token}`,
        },
      });
      const text = await response.text();
      if (!response.ok) {
        let message = `${response.status} ${response.statusText}`;
        try {
          const body = JSON.parse(text);
          message = body.errorMessage ?? body.error_description ?? body.error ?? message;
        } catch {
          // not JSON: keep the status line
        }
        throw new ApiError(response.status, message);
      }
      return (text ? JSON.parse(text) : undefined) as T;
    }

    return {
      realm,
      list: (query: { first: number; max: number; search?: string; status?: string; partition?: string }) => {
        const params = new URLSearchParams({ first: String(query.first), max: String(query.max) });
        if (query.search) params.set("search", query.search);
        if (query.status) params.set("status", query.status);
        if (query.partition) {
          params.set("partition", query.partition);
          params.set("includeSubPartitions", "true");
        }
        return request<MachineUser[]>(`?${params}`);
      },
      create: (body: Record<string, unknown>) =>
        request<CreatedMachineUser>("", { method: "POST", body: JSON.stringify(body) }),
      suspend: (id: string, reason: string) =>
        request<void>(`/${encodeURIComponent(id)}/suspend`, { method: "POST", body: JSON.stringify({ reason }) }),
      resume: (id: string) => request<void>(`/${encodeURIComponent(id)}/resume`, { method: "POST" }),
      remove: (id: string) => request<void>(`/${encodeURIComponent(id)}`, { method: "DELETE" }),
      /** Suspends (with the reason), resumes or deletes. */
      apply(action: LifecycleAction, id: string, reason = "") {
        return action === "suspend" ? this.suspend(id, reason) : action === "resume" ? this.resume(id) : this.remove(id);
      },
      get: (id: string) => request<MachineUserDetail>(`/${encodeURIComponent(id)}`),
      update: (id: string, body: Record<string, unknown>) =>
        request<MachineUserDetail>(`/${encodeURIComponent(id)}`, { method: "PUT", body: JSON.stringify(body) }),
      keys: (id: string) => request<AccessKey[]>(`/${encodeURIComponent(id)}/keys`),
      createKey: (id: string, body: Record<string, unknown>) =>
        request<IssuedKey>(`/${encodeURIComponent(id)}/keys`, { method: "POST", body: JSON.stringify(body) }),
      updateKey: (id: string, keyId: string, body: Record<string, unknown>) =>
        request<AccessKey>(`/${encodeURIComponent(id)}/keys/${keyId}`, { method: "PUT", body: JSON.stringify(body) }),
      replaceKey: (id: string, keyId: string) =>
        request<IssuedKey>(`/${encodeURIComponent(id)}/keys/${keyId}/replace`, { method: "POST", body: "{}" }),
      deleteKey: (id: string, keyId: string) => request<void>(`/${encodeURIComponent(id)}/keys/${keyId}`, { method: "DELETE" }),
      publicKeys: (id: string) => request<PublicKey[]>(`/${encodeURIComponent(id)}/public-keys`),
      createPublicKey: (id: string, body: Record<string, unknown>) =>
        request<PublicKey>(`/${encodeURIComponent(id)}/public-keys`, { method: "POST", body: JSON.stringify(body) }),
      updatePublicKey: (id: string, keyId: string, body: Record<string, unknown>) =>
        request<PublicKey>(`/${encodeURIComponent(id)}/public-keys/${keyId}`, { method: "PUT", body: JSON.stringify(body) }),
      deletePublicKey: (id: string, keyId: string) =>
        request<void>(`/${encodeURIComponent(id)}/public-keys/${keyId}`, { method: "DELETE" }),
      federatedCredentials: (id: string) => request<FederatedCredential[]>(`/${encodeURIComponent(id)}/federated-credentials`),
      createFederatedCredential: (id: string, body: Record<string, unknown>) =>
        request<FederatedCredential>(`/${encodeURIComponent(id)}/federated-credentials`, { method: "POST", body: JSON.stringify(body) }),
      updateFederatedCredential: (id: string, credentialId: string, body: Record<string, unknown>) =>
        request<FederatedCredential>(`/${encodeURIComponent(id)}/federated-credentials/${credentialId}`, {
          method: "PUT",
          body: JSON.stringify(body),
        }),
      deleteFederatedCredential: (id: string, credentialId: string) =>
        request<void>(`/${encodeURIComponent(id)}/federated-credentials/${credentialId}`, { method: "DELETE" }),
      /**
       * The realm's identity providers, through Keycloak's own API; those who may not view them (a partition
       * administrator) get an empty list and type the alias.
       */
      identityProviders: async (): Promise<IdentityProviderSummary[]> => {
        try {
          const found = await adminClient.identityProviders.find({ realm });
          return found.map((p) => ({
            alias: p.alias ?? "",
            providerId: p.providerId ?? "",
            displayName: p.displayName,
            issuer: p.config?.issuer as string | undefined,
          }));
        } catch {
          return [];
        }
      },
      history: (id: string) => request<HistoryEntry[]>(`/${encodeURIComponent(id)}/history`),
      usage: (id: string, days: number) => request<UsageDay[]>(`/${encodeURIComponent(id)}/usage?days=${days}`),
      tokenPreview: (id: string) => request<TokenClaims>(`/${encodeURIComponent(id)}/token-preview`),
      policy: () => request<Policy>("/policy"),
      access: () => request<CallerAccess>("/access"),
      grant: (id: string, set: string) =>
        request<void>(`/${encodeURIComponent(id)}/permission-sets/${encodeURIComponent(set)}`, { method: "PUT", body: "{}" }),
      revoke: (id: string, set: string) =>
        request<void>(`/${encodeURIComponent(id)}/permission-sets/${encodeURIComponent(set)}`, { method: "DELETE" }),
      permissionSets: () => request<PermissionSet[]>(`?max=${ALL}`, {}, "/permission-sets"),
      createPermissionSet: (set: PermissionSet) =>
        request<PermissionSet>("", { method: "POST", body: JSON.stringify(set) }, "/permission-sets"),
      updatePermissionSet: (name: string, set: PermissionSet) =>
        request<PermissionSet>(`/${encodeURIComponent(name)}`, { method: "PUT", body: JSON.stringify(set) }, "/permission-sets"),
      deletePermissionSet: (name: string) => request<void>(`/${encodeURIComponent(name)}`, { method: "DELETE" }, "/permission-sets"),

      partitions: () => request<Partition[]>(`?max=${ALL}`, {}, "/partitions"),
      createPartition: (name: string, parentId?: string) =>
        request<Partition>("", { method: "POST", body: JSON.stringify({ name, parentId }) }, "/partitions"),
      renamePartition: (id: string, name: string) =>
        request<Partition>(`/${encodeURIComponent(id)}`, { method: "PUT", body: JSON.stringify({ name }) }, "/partitions"),
      deletePartition: (id: string) => request<void>(`/${encodeURIComponent(id)}`, { method: "DELETE" }, "/partitions"),
      partitionPeople: (id: string, role: PartitionRole) =>
        request<UserReference[]>(`/${encodeURIComponent(id)}/${role}`, {}, "/partitions"),
      addPartitionPerson: (id: string, role: PartitionRole, userId: string) =>
        request<void>(`/${encodeURIComponent(id)}/${role}/${encodeURIComponent(userId)}`, { method: "PUT", body: "{}" }, "/partitions"),
      removePartitionPerson: (id: string, role: PartitionRole, userId: string) =>
        request<void>(`/${encodeURIComponent(id)}/${role}/${encodeURIComponent(userId)}`, { method: "DELETE" }, "/partitions"),
      /** A human user of the realm by exact username, through Keycloak's own users API. */
      findUser: async (username: string) => {
        const found = await adminClient.users.find({ realm, username, exact: true });
        return found[0]?.id ? ({ id: found[0].id, username: found[0].username ?? username } as UserReference) : undefined;
      },

      groups: () => request<MachineUserGroup[]>(`?max=${ALL}`, {}, "/machine-user-groups"),
      createGroup: (group: Partial<MachineUserGroup>) =>
        request<MachineUserGroup>("", { method: "POST", body: JSON.stringify(group) }, "/machine-user-groups"),
      updateGroup: (id: string, group: Partial<MachineUserGroup>) =>
        request<MachineUserGroup>(`/${encodeURIComponent(id)}`, { method: "PUT", body: JSON.stringify(group) }, "/machine-user-groups"),
      deleteGroup: (id: string) => request<void>(`/${encodeURIComponent(id)}`, { method: "DELETE" }, "/machine-user-groups"),
      join: (groupId: string, id: string) =>
        request<void>(`/${encodeURIComponent(groupId)}/members/${encodeURIComponent(id)}`, { method: "PUT", body: "{}" }, "/machine-user-groups"),
      leave: (groupId: string, id: string) =>
        request<void>(`/${encodeURIComponent(groupId)}/members/${encodeURIComponent(id)}`, { method: "DELETE" }, "/machine-user-groups"),
    };
  }, [adminClient, realm]);
};

/** What the signed-in administrator may do, from GET /machine-users/access; undefined while loading or refused. */
export const useCallerAccess = () => {
  const api = useMachineUsersApi();
  const [access, setAccess] = useState<CallerAccess>();
  useEffect(() => {
    api.access().then(setAccess, () => setAccess({ manageAll: false, viewAll: false, managedPartitions: [] }));
  }, [api]);
  return access;
};

/** Partitions a caller may place machine users in: all for realm-wide managers, else their subtrees. */
export const placeablePartitions = (partitions: Partition[], access?: CallerAccess) =>
  access?.manageAll
    ? partitions
    : partitions.filter((p) => access?.managedPartitions.some((root) => p.path === root || p.path.startsWith(root + "/")));
