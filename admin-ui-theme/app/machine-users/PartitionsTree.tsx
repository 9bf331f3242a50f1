import {
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Grid,
  GridItem,
  PageSection,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
  TreeView,
  type TreeViewDataItem,
} from "@patternfly/react-core";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useCallerAccess, useMachineUsersApi, type Partition } from "./api";
import { ConfirmDelete } from "./ConfirmModal";
import { ErrorToast } from "./ErrorToast";
import { NameModal } from "./NameModal";
import { PartitionPeople } from "./PartitionPeople";
import { useReloadingList } from "./useReloadingList";

/** Parents before children: a caller who sees only a subtree gets its top as a root of the tree. */
export const toTree = (partitions: Partition[]): TreeViewDataItem[] => {
  const visible = new Set(partitions.map((p) => p.id));
  const node = (p: Partition): TreeViewDataItem => {
    const children = partitions.filter((c) => c.parentId === p.id).sort((a, b) => a.name.localeCompare(b.name)).map(node);
    return {
      id: p.id,
      name: <span data-testid={`partition-node-${p.path}`}>{p.name}</span>,
      // A string, because PatternFly shows the number of children in place of a falsy count.
      customBadgeContent: String(p.machineUsers ?? 0),
      hasBadge: true,
      defaultExpanded: true,
      children: children.length ? children : undefined,
    };
  };
  return partitions
    .filter((p) => !p.parentId || !visible.has(p.parentId))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(node);
};

type Editing = { kind: "add"; parent?: Partition } | { kind: "rename"; partition: Partition };

export const PartitionsTree = () => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const access = useCallerAccess();
  const list = useReloadingList<Partition, Editing>(useCallback(() => api.partitions(), [api]));
  const { items: partitions, error, setError, editing, setEditing, deleting, setDeleting } = list;
  const [selectedId, setSelectedId] = useState<string>();
  const onError = useCallback((message: string) => setError(message), [setError]);
  const canManage = access?.manageAll === true;

  const tree = useMemo(() => toTree(partitions), [partitions]);
  const selected = partitions.find((p) => p.id === selectedId);

  return (
    <PageSection variant="light">
      <ErrorToast error={error} onClose={() => setError(undefined)} />
      {canManage && (
        <Toolbar className="pf-v5-u-p-0">
          <ToolbarContent className="pf-v5-u-px-0">
            <ToolbarItem>
              <Button data-testid="add-partition" onClick={() => setEditing({ kind: "add" })}>
                {t("machineUsersAddPartition")}
              </Button>
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
      )}
      <Grid hasGutter>
        <GridItem md={5}>
          {tree.length === 0 ? (
            <p>{t("machineUsersNoPartitions")}</p>
          ) : (
            <TreeView
              aria-label={t("machineUsersPartitions")}
              data={tree}
              hasBadges
              hasGuides
              activeItems={tree.length && selected ? [{ id: selected.id, name: selected.name }] : []}
              onSelect={(_e, item) => setSelectedId(item.id)}
              data-testid="partitions-tree"
            />
          )}
        </GridItem>
        <GridItem md={7}>
          {selected ? (
            <div data-testid="partition-details">
              <Title headingLevel="h2" data-testid="partition-path">
                {selected.path}
              </Title>
              <DescriptionList isHorizontal className="pf-v5-u-mt-md">
                <DescriptionListGroup>
                  <DescriptionListTerm>{t("machineUsers")}</DescriptionListTerm>
                  <DescriptionListDescription>
                    <Link to={`/${api.realm}/machine-users?partition=${encodeURIComponent(selected.path)}`} data-testid="partition-machine-users">
                      {t("machineUsersOwnedHere", { count: selected.machineUsers ?? 0 })}
                    </Link>
                  </DescriptionListDescription>
                </DescriptionListGroup>
              </DescriptionList>
              {canManage && (
                <div className="pf-v5-u-mt-md">
                  <Button variant="secondary" data-testid="add-child-partition" onClick={() => setEditing({ kind: "add", parent: selected })}>
                    {t("machineUsersAddChildPartition")}
                  </Button>{" "}
                  <Button variant="secondary" data-testid="rename-partition" onClick={() => setEditing({ kind: "rename", partition: selected })}>
                    {t("machineUsersRename")}
                  </Button>{" "}
                  <Button variant="danger" data-testid="delete-partition" onClick={() => setDeleting(selected)}>
                    {t("machineUsersDelete")}
                  </Button>
                </div>
              )}
              {access?.viewAll && (
                <>
                  <PartitionPeople partitionId={selected.id} role="administrators" canManage={canManage} onError={onError} />
                  <PartitionPeople partitionId={selected.id} role="viewers" canManage={canManage} onError={onError} />
                </>
              )}
            </div>
          ) : (
            tree.length > 0 && <p>{t("machineUsersSelectPartition")}</p>
          )}
        </GridItem>
      </Grid>
      {editing && (
        <NameModal
          title={
            editing.kind === "rename"
              ? t("machineUsersRename")
              : editing.parent
                ? t("machineUsersAddChildOf", { path: editing.parent.path })
                : t("machineUsersAddPartition")
          }
          initial={editing.kind === "rename" ? editing.partition.name : ""}
          save={(name) =>
            editing.kind === "rename" ? api.renamePartition(editing.partition.id, name) : api.createPartition(name, editing.parent?.id)
          }
          onSaved={list.saved}
          onClose={list.closeDialogs}
        />
      )}
      {deleting && (
        <ConfirmDelete
          message={t("machineUsersDeletePartitionConfirm", { path: deleting.path })}
          onConfirm={() =>
            list.confirmDelete(async () => {
              await api.deletePartition(deleting.id);
              setSelectedId(undefined);
            })
          }
          onClose={list.closeDialogs}
        />
      )}
    </PageSection>
  );
};
