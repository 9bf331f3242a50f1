import { useAdminClient, useRealm } from "@keycloak/keycloak-admin-ui";
import { useMemo } from "react";

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

export type HistoryEntry = { id: string; time: number; actorUsername?: string; action: string; details?: unknown };

export type UsageDay = { date: string; tokensIssued: number; failedAttempts: number };

export type Policy = { maxKeysPerMachineUser: number; maxKeyLifetimeDays?: number };

export type PermissionSet = { name: string; description?: string; managed?: boolean; readOnly?: boolean };

export type CreatedMachineUser = MachineUser & { accessKey?: IssuedKey };

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
      list: (query: { first: number; max: number; search?: string; status?: string }) => {
        const params = new URLSearchParams({ first: String(query.first), max: String(query.max) });
        if (query.search) params.set("search", query.search);
        if (query.status) params.set("status", query.status);
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
      history: (id: string) => request<HistoryEntry[]>(`/${encodeURIComponent(id)}/history`),
      usage: (id: string, days: number) => request<UsageDay[]>(`/${encodeURIComponent(id)}/usage?days=${days}`),
      policy: () => request<Policy>("/policy"),
      access: () => request<CallerAccess>("/access"),
      grant: (id: string, set: string) =>
        request<void>(`/${encodeURIComponent(id)}/permission-sets/${encodeURIComponent(set)}`, { method: "PUT", body: "{}" }),
      revoke: (id: string, set: string) =>
        request<void>(`/${encodeURIComponent(id)}/permission-sets/${encodeURIComponent(set)}`, { method: "DELETE" }),
      permissionSets: () => request<PermissionSet[]>("", {}, "/permission-sets"),
    };
  }, [adminClient, realm]);
};
