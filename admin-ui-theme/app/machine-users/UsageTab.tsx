import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMachineUsersApi, type UsageDay } from "./api";

const DAYS = 30;
const HEIGHT = 160;
const BAR = 14;

/** Tokens issued (blue) and failed attempts (red) per UTC day, as a plain SVG bar chart. */
export const UsageTab = ({ id, onError }: { id: string; onError: (message: string) => void }) => {
  const { t } = useTranslation();
  const api = useMachineUsersApi();
  const [days, setDays] = useState<UsageDay[]>([]);

  useEffect(() => {
    api.usage(id, DAYS).then(setDays, (e: Error) => onError(e.message));
  }, [api, id, onError]);

  const peak = Math.max(1, ...days.map((d) => d.tokensIssued + d.failedAttempts));
  const scale = (n: number) => (n / peak) * HEIGHT;
  const issued = days.reduce((sum, d) => sum + d.tokensIssued, 0);
  const failed = days.reduce((sum, d) => sum + d.failedAttempts, 0);

  return (
    <div className="pf-v5-u-p-md">
      <p data-testid="usage-totals">{t("machineUsersUsageTotals", { days: DAYS, issued, failed })}</p>
      <svg width={days.length * (BAR + 4)} height={HEIGHT + 20} role="img" aria-label={t("machineUsersUsage")}>
        {days.map((day, i) => (
          <g key={day.date} transform={`translate(${i * (BAR + 4)},0)`}>
            <title>{`${day.date}: ${day.tokensIssued} / ${day.failedAttempts}`}</title>
            <rect y={HEIGHT - scale(day.tokensIssued)} width={BAR} height={scale(day.tokensIssued)} fill="#0066cc" />
            <rect y={HEIGHT - scale(day.tokensIssued) - scale(day.failedAttempts)} width={BAR} height={scale(day.failedAttempts)} fill="#c9190b" />
          </g>
        ))}
        <line x1={0} x2={days.length * (BAR + 4)} y1={HEIGHT} y2={HEIGHT} stroke="#8a8d90" />
      </svg>
    </div>
  );
};
