import {
  Button,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Radio,
  TextArea,
  TextInput,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { ActionsColumn, Table, Tbody, Td, Tr } from "@patternfly/react-table";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MachineUserDetail, PublicKey } from "./api";
import { useMachineUsersApi } from "./api";
import { ConfirmModal } from "./ConfirmModal";
import { CredentialHeading, StatusLabel, lifecycleActions } from "./credentials";
import { FormModal } from "./FormModal";
import { formatTime } from "./format";
import { PrivateKeyModal, type PrivateKeyDetails } from "./PrivateKeyModal";
import { TableHead } from "./TableHead";

const ALGORITHMS = ["ES256", "RS256", "EdDSA"];

type Props = { machineUser: MachineUserDetail; readOnly: boolean; onError: (message: string) => void };

/** The public keys (private_key_jwt) of a machine user: generate a pair, upload a public key, deactivate, delete. */
export const PublicKeysSection = ({ machineUser, readOnly, onError }: Props) => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const [keys, setKeys] = useState<PublicKey[]>([]);
  const [limit, setLimit] = useState<number>();
  const [adding, setAdding] = useState(false);
  const [generated, setGenerated] = useState<PrivateKeyDetails>();
  const [deleting, setDeleting] = useState<PublicKey>();

  const load = useCallback(async () => {
    try {
      const [loaded, policy] = await Promise.all([api.publicKeys(machineUser.id), api.policy()]);
      setKeys(loaded);
      setLimit(policy.maxPublicKeysPerMachineUser);
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
      <CredentialHeading>{t("machineUsersPublicKeys")}</CredentialHeading>
      <Toolbar>
        <ToolbarContent>
          {!readOnly && (
            <ToolbarItem>
              <Button data-testid="add-public-key" isDisabled={limit !== undefined && keys.length >= limit} onClick={() => setAdding(true)}>
                {t("machineUsersAddPublicKey")}
              </Button>
            </ToolbarItem>
          )}
          <ToolbarItem>
            <span data-testid="public-key-limit">{t("machineUsersKeyLimit", { count: keys.length, limit: limit ?? "?" })}</span>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <Table aria-label={t("machineUsersPublicKeys")} variant="compact" data-testid="public-keys-table">
        <TableHead
          columns={["machineUsersKeyId", "machineUsersStatus", "machineUsersAlgorithm", "machineUsersDescription", "machineUsersCreated", "machineUsersKeyExpiry", "machineUsersLastUsed"]}
          withActions
        />
        <Tbody>
          {keys.map((key) => (
            <Tr key={key.id} data-testid={`public-key-${key.id}`}>
              <Td><code>{key.id}</code></Td>
              <Td><StatusLabel credential={key} testId={`public-key-status-${key.id}`} /></Td>
              <Td>{key.algorithm}</Td>
              <Td>{key.description}</Td>
              <Td>{formatTime(key.createdAt)}</Td>
              <Td>{formatTime(key.expiresAt)}</Td>
              <Td>{formatTime(key.lastUsedAt)}</Td>
              <Td isActionCell>
                {!readOnly && (
                  <ActionsColumn
                    items={lifecycleActions(t, key,
                      (status) => void run(() => api.updatePublicKey(machineUser.id, key.id, { status })),
                      () => setDeleting(key))}
                  />
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {adding && (
        <AddPublicKeyModal
          machineUserId={machineUser.id}
          onAdded={(key) => {
            setAdding(false);
            if (key.privateKey) {
              setGenerated({ clientId: machineUser.clientId, keyId: key.id, algorithm: key.algorithm, privateKey: key.privateKey });
            }
            void load();
          }}
          onClose={() => setAdding(false)}
        />
      )}
      {deleting && (
        <ConfirmModal
          title={`${t("machineUsersDelete")}: ${deleting.id}`}
          message={t("machineUsersDeleteKeyConfirm")}
          confirmLabel={t("machineUsersDelete")}
          danger
          onConfirm={() => {
            const key = deleting;
            setDeleting(undefined);
            void run(() => api.deletePublicKey(machineUser.id, key.id));
          }}
          onClose={() => setDeleting(undefined)}
        />
      )}
      {generated && <PrivateKeyModal details={generated} onClose={() => setGenerated(undefined)} />}
    </>
  );
};

type AddProps = { machineUserId: string; onAdded: (key: PublicKey) => void; onClose: () => void };

/** Either the server generates a pair (the private key is answered once), or the administrator pastes a public key. */
const AddPublicKeyModal = ({ machineUserId, onAdded, onClose }: AddProps) => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const [generate, setGenerate] = useState(true);
  const [algorithm, setAlgorithm] = useState(ALGORITHMS[0]);
  const [material, setMaterial] = useState("");
  const [description, setDescription] = useState("");

  const body = (): Record<string, unknown> => {
    const common = description.trim() ? { description: description.trim() } : {};
    if (generate) return { ...common, generate: true, algorithm };
    const text = material.trim();
    // A JWK is JSON; anything else goes as PEM, and the server says what is wrong with it.
    return text.startsWith("{") ? { ...common, jwk: JSON.parse(text) } : { ...common, pem: text };
  };
  const added = useRef<PublicKey>();

  return (
    <FormModal
      title={t("machineUsersAddPublicKey")}
      testId="public-key"
      canSave={generate || material.trim().length > 0}
      save={async () => {
        added.current = await api.createPublicKey(machineUserId, body());
      }}
      onSaved={() => added.current && onAdded(added.current)}
      onClose={onClose}
    >
      <FormGroup role="radiogroup" fieldId="public-key-source" label={t("machineUsersPublicKeySource")}>
        <Radio id="public-key-generate" name="public-key-source" data-testid="public-key-generate" isChecked={generate}
          onChange={() => setGenerate(true)} label={t("machineUsersGenerateKeyPair")} />
        <Radio id="public-key-upload" name="public-key-source" data-testid="public-key-upload" isChecked={!generate}
          onChange={() => setGenerate(false)} label={t("machineUsersUploadPublicKey")} />
      </FormGroup>
      {generate ? (
        <FormGroup label={t("machineUsersAlgorithm")} fieldId="public-key-algorithm">
          <FormSelect id="public-key-algorithm" data-testid="public-key-algorithm" value={algorithm}
            onChange={(_e, value) => setAlgorithm(value)}>
            {ALGORITHMS.map((a) => <FormSelectOption key={a} value={a} label={a} />)}
          </FormSelect>
        </FormGroup>
      ) : (
        <FormGroup label={t("machineUsersPublicKeyMaterial")} fieldId="public-key-material">
          <TextArea id="public-key-material" data-testid="public-key-material" rows={6} value={material}
            placeholder={"-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----"} onChange={(_e, value) => setMaterial(value)} />
        </FormGroup>
      )}
      <FormGroup label={t("machineUsersDescription")} fieldId="public-key-description">
        <TextInput id="public-key-description" data-testid="public-key-description" value={description}
          onChange={(_e, value) => setDescription(value)} />
      </FormGroup>
    </FormModal>
  );
};
