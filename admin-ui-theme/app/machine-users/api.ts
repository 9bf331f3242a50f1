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
};

export type IssuedKey = { id: string; secret: string; expiresAt?: number };

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
    const base = `${adminClient.baseUrl}/admin/realms/${encodeURIComponent(realm)}/machine-users`;

    async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
      const token = await adminClient.getAccessToken();
      const response = await fetch(base + path, {
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
    };
  }, [adminClient, realm]);
};
