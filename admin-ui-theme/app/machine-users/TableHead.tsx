import { ActionsColumn, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useTranslation } from "react-i18next";

/** The header row of the pages' tables: message keys of the columns, and an empty actions column. */
export const TableHead = ({ columns, withActions }: { columns: string[]; withActions?: boolean }) => {
  const { t } = useTranslation();
  return (
    <Thead>
      <Tr>
        {columns.map((key) => (
          // "wrap": PatternFly truncates header text by default, which cut "Permission sets" to "Permissi…".
          <Th key={key} modifier="wrap">
            {t(key)}
          </Th>
        ))}
        {withActions && <Th screenReaderText="actions" />}
      </Tr>
    </Thead>
  );
};

/** The last cell of a row that can be edited and deleted; empty where the admin may do neither. */
export const EditDeleteCell = ({ show, onEdit, onDelete }: { show: boolean; onEdit: () => void; onDelete: () => void }) => {
  const { t } = useTranslation();
  return (
    <Td isActionCell>
      {show && (
        <ActionsColumn
          items={[
            { title: t("machineUsersEdit"), onClick: onEdit },
            { title: t("machineUsersDelete"), onClick: onDelete },
          ]}
        />
      )}
    </Td>
  );
};
