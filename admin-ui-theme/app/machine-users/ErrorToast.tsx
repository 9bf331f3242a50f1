import { Alert, AlertActionCloseButton, AlertGroup } from "@patternfly/react-core";

/** The server's refusal (its errorMessage) as a toast the administrator closes. */
export const ErrorToast = ({ error, onClose, testId = "page-error" }: { error?: string; onClose: () => void; testId?: string }) =>
  error ? (
    <AlertGroup isToast>
      <Alert variant="danger" title={error} data-testid={testId} actionClose={<AlertActionCloseButton onClose={onClose} />} />
    </AlertGroup>
  ) : null;
