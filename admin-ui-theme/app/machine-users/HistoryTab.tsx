import { Table, Tbody, Td, Tr } from "@patternfly/react-table";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { TableHead } from "./TableHead";
import { useMachineUsersApi, type HistoryEntry } from "./api";
import { formatTime } from "./format";

export const HistoryTab = ({ id, onError }: { id: string; onError: (message: string) => void }) => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const [entries, setEntries] = useState<HistoryEntry[]>([]);

  useEffect(() => {
    api.history(id).then(setEntries, (e: Error) => onError(e.message));
  }, [api, id, onError]);

  return (
    <Table aria-label={t("machineUsersHistory")} variant="compact" data-testid="history-table">
      <TableHead columns={["machineUsersTime", "machineUsersAction", "machineUsersBy", "machineUsersDetails"]} />
      <Tbody>
        {entries.map((entry) => (
          <Tr key={entry.id}>
            <Td>{formatTime(entry.time)}</Td>
            <Td>{entry.action}</Td>
            <Td>{entry.actorUsername}</Td>
            <Td>
              <code>{entry.details ? JSON.stringify(entry.details) : ""}</code>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
