import { Table, Tbody, Td, Tr } from "@patternfly/react-table";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { TableHead } from "./TableHead";
import { useMachineUsersApi, type HistoryEntry } from "./api";
import { formatTime } from "./format";
import { historySentence } from "./historySentence";

/** The machine user's history, newest first, each entry a sentence. */
export const HistoryTab = ({ id, onError }: { id: string; onError: (message: string) => void }) => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const [entries, setEntries] = useState<HistoryEntry[]>([]);

  useEffect(() => {
    api.history(id).then(setEntries, (e: Error) => onError(e.message));
  }, [api, id, onError]);

  return (
    <Table aria-label={t("machineUsersHistory")} variant="compact" data-testid="history-table">
      <TableHead columns={["machineUsersTime", "machineUsersWhatHappened", "machineUsersBy"]} />
      <Tbody>
        {entries.map((entry) => (
          <Tr key={entry.id}>
            <Td modifier="nowrap">{formatTime(entry.time)}</Td>
            <Td modifier="breakWord" data-testid="history-sentence">
              {historySentence(t, entry)}
            </Td>
            <Td modifier="nowrap">{entry.actorUsername}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
