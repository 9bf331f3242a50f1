import type { TFunction } from "i18next";
import type { HistoryEntry } from "./api";
import { formatTime } from "./format";

type Details = Record<string, unknown>;

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value));

/** Stock changes carry "via" (the clients API, the users API); ours do not. */
const via = (t: TFunction, details: Details) => (details.via ? " " + t("machineUsersHistoryVia", { via: text(details.via) }) : "");

const expiry = (t: TFunction, value: unknown) =>
  typeof value === "number" ? t("machineUsersHistoryExpires", { date: formatTime(value) }) : t("machineUsersHistoryNoExpiry");

/** One changed field of a machine user or a key, as words. */
const change = (t: TFunction, field: string, value: unknown): string => {
  switch (field) {
    case "status":
      return value === "INACTIVE" ? t("machineUsersHistoryDeactivated") : t("machineUsersHistoryActivated");
    case "expiresAt":
      return expiry(t, value);
    case "accessTokenLifespan":
      return value === null || value === undefined
        ? t("machineUsersHistoryLifespanDefault")
        : t("machineUsersHistoryLifespan", { seconds: text(value) });
    case "partition":
      return value ? t("machineUsersHistoryMovedTo", { partition: text(value) }) : t("machineUsersHistoryMovedToRoot");
    default:
      return value === null || value === undefined || value === ""
        ? t("machineUsersHistoryCleared", { field: t(`machineUsersHistoryField_${field}`, { defaultValue: field }) })
        : t("machineUsersHistorySetTo", { field: t(`machineUsersHistoryField_${field}`, { defaultValue: field }), value: text(value) });
  }
};

const changes = (t: TFunction, details: Details, skip: string[] = []) =>
  Object.entries(details)
    .filter(([field]) => !skip.includes(field))
    .map(([field, value]) => change(t, field, value))
    .join("; ");

/**
 * A history entry as a sentence: what happened, with key ids, names, reasons and dates in the
 * admin's locale; never the stored JSON.
 */
export const historySentence = (t: TFunction, entry: HistoryEntry): string => {
  const d = (entry.details && typeof entry.details === "object" ? entry.details : {}) as Details;
  switch (entry.action) {
    case "CREATED":
      return (
        t("machineUsersHistoryCreated", { clientId: text(d.clientId) }) +
        (d.partition ? " " + t("machineUsersHistoryInPartition", { partition: text(d.partition) }) : "")
      );
    case "UPDATED":
      return t("machineUsersHistoryUpdated", { changes: changes(t, d) });
    case "DELETED":
      return t("machineUsersHistoryDeleted") + via(t, d);
    case "SUSPENDED":
      return d.reason ? t("machineUsersHistorySuspendedBecause", { reason: text(d.reason) }) : t("machineUsersHistorySuspended");
    case "RESUMED":
      return t("machineUsersHistoryResumed");
    case "KEY_CREATED":
      return t("machineUsersHistoryKeyCreated", { keyId: text(d.keyId), expiry: expiry(t, d.expiresAt) });
    case "KEY_UPDATED":
      return t("machineUsersHistoryKeyUpdated", { keyId: text(d.keyId), changes: changes(t, d, ["keyId"]) });
    case "KEY_DELETED":
      return t("machineUsersHistoryKeyDeleted", { keyId: text(d.keyId) });
    case "KEY_REPLACED":
      return t("machineUsersHistoryKeyReplaced", {
        oldKeyId: text(d.replacedKeyId),
        keyId: text(d.keyId),
        expiry: expiry(t, d.expiresAt),
      });
    case "PUBLIC_KEY_CREATED":
      return t(d.generated ? "machineUsersHistoryPublicKeyGenerated" : "machineUsersHistoryPublicKeyAdded", {
        keyId: text(d.keyId),
        algorithm: text(d.algorithm),
        expiry: expiry(t, d.expiresAt),
      });
    case "PUBLIC_KEY_UPDATED":
      return t("machineUsersHistoryPublicKeyUpdated", { keyId: text(d.keyId), changes: changes(t, d, ["keyId"]) });
    case "PUBLIC_KEY_DELETED":
      return t("machineUsersHistoryPublicKeyDeleted", { keyId: text(d.keyId) });
    case "FEDERATED_CREDENTIAL_CREATED":
      return t("machineUsersHistoryFederatedCreated", {
        keyId: text(d.keyId),
        subject: text(d.subject),
        provider: text(d.identityProvider),
        expiry: expiry(t, d.expiresAt),
      });
    case "FEDERATED_CREDENTIAL_UPDATED":
      return t("machineUsersHistoryFederatedUpdated", { keyId: text(d.keyId), changes: changes(t, d, ["keyId"]) });
    case "FEDERATED_CREDENTIAL_DELETED":
      return t("machineUsersHistoryFederatedDeleted", { keyId: text(d.keyId) });
    case "KEY_EXPIRY_WARNING":
      return (
        t("machineUsersHistoryExpiryWarning", { keyId: text(d.keyId), date: formatTime(d.expiresAt as number), days: text(d.warningDays) }) +
        " " +
        (d.notified ? t("machineUsersHistoryMailedTo", { address: text(d.notified) }) : t("machineUsersHistoryNoMail"))
      );
    case "PERMISSION_SET_GRANTED":
      return t("machineUsersHistorySetGranted", { name: text(d.permissionSet) }) + via(t, d);
    case "PERMISSION_SET_REVOKED":
      return t("machineUsersHistorySetRevoked", { name: text(d.permissionSet) }) + via(t, d);
    case "GROUP_JOINED":
      return t("machineUsersHistoryGroupJoined", { name: text(d.group) }) + via(t, d);
    case "GROUP_LEFT":
      return t("machineUsersHistoryGroupLeft", { name: text(d.group) }) + via(t, d);
    case "ROLE_GRANTED":
      return t("machineUsersHistoryRoleGranted", { name: text(d.role) }) + via(t, d);
    case "ROLE_REVOKED":
      return t("machineUsersHistoryRoleRevoked", { name: text(d.role) }) + via(t, d);
    default:
      // A newer server's action this console does not know yet: its name and fields, still as words.
      return [entry.action.toLowerCase().replace(/_/g, " "), changes(t, d)].filter(Boolean).join(": ");
  }
};
