import { useTranslation } from "react-i18next";
import type { LifecycleAction } from "./api";
import { ConfirmModal } from "./ConfirmModal";

const KEYS: Record<LifecycleAction, { label: string; message: string }> = {
  suspend: { label: "machineUsersSuspend", message: "machineUsersSuspendConfirm" },
  resume: { label: "machineUsersResume", message: "machineUsersResumeConfirm" },
  delete: { label: "machineUsersDelete", message: "machineUsersDeleteConfirm" },
};

type Props = { action: LifecycleAction; name: string; onConfirm: (reason: string) => void; onClose: () => void };

/** The confirmation before suspending (with a reason), resuming or deleting a machine user. */
export const LifecycleConfirm = ({ action, name, onConfirm, onClose }: Props) => {
  const { t } = useTranslation();
  const { label, message } = KEYS[action];
  return (
    <ConfirmModal
      title={`${t(label)}: ${name}`}
      message={t(message)}
      confirmLabel={t(label)}
      danger={action !== "resume"}
      withReason={action === "suspend"}
      onConfirm={onConfirm}
      onClose={onClose}
    />
  );
};
