import {
  Chart,
  ChartAxis,
  ChartBar,
  ChartLegend,
  ChartStack,
  ChartTooltip,
} from "@patternfly/react-charts";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMachineUsersApi, type UsageDay } from "./api";

const DAYS = 30;
const WIDTH = 900;
const HEIGHT = 280;
/** PatternFly's chart blue and red: issued is the normal case, failed the one to notice. */
const ISSUED_COLOR = "#0066cc";
const FAILED_COLOR = "#c9190b";
/** Every fifth day is labelled: 30 dates side by side would run into each other. */
const LABEL_EVERY = 5;

/** "2026-12-07" as "Dec 7" in the browser's language; the server counts in UTC days. */
const shortDate = (date: string, language: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString(language, { month: "short", day: "numeric", timeZone: "UTC" });

/** Tokens issued and failed attempts per UTC day, stacked, with PatternFly's charts (the console's design system). */
export const UsageTab = ({ id, onError }: { id: string; onError: (message: string) => void }) => {
  const { t, i18n } = useTranslation();
  const api = useMachineUsersApi();
  const [days, setDays] = useState<UsageDay[]>([]);

  useEffect(() => {
    api.usage(id, DAYS).then(setDays, (e: Error) => onError(e.message));
  }, [api, id, onError]);

  const issued = days.reduce((sum, d) => sum + d.tokensIssued, 0);
  const failed = days.reduce((sum, d) => sum + d.failedAttempts, 0);
  const issuedName = t("machineUsersUsageIssued");
  const failedName = t("machineUsersUsageFailed");
  const label = (day: UsageDay) => shortDate(day.date, i18n.language);
  const bars = (name: string, count: (day: UsageDay) => number) =>
    days.map((day) => ({ name, x: label(day), y: count(day), tooltip: `${label(day)}: ${count(day)} ${name.toLowerCase()}` }));
  const ticks = days.map(label).filter((_label, i) => (days.length - 1 - i) % LABEL_EVERY === 0);
  // A y axis of 0..1 with fractions says nothing; whole counts only, at least up to 4.
  const peak = Math.max(4, ...days.map((d) => d.tokensIssued + d.failedAttempts));

  return (
    <div className="pf-v5-u-p-md">
      <p data-testid="usage-totals">{t("machineUsersUsageTotals", { days: DAYS, issued, failed })}</p>
      {days.length > 0 && (
        <div data-testid="usage-chart" style={{ maxWidth: WIDTH }}>
          <Chart
            ariaTitle={t("machineUsersUsageChartTitle", { days: DAYS })}
            ariaDesc={t("machineUsersUsageTotals", { days: DAYS, issued, failed })}
            domain={{ y: [0, peak] }}
            domainPadding={{ x: [12, 12] }}
            legendData={[
              { name: issuedName, symbol: { fill: ISSUED_COLOR } },
              { name: failedName, symbol: { fill: FAILED_COLOR } },
            ]}
            legendComponent={<ChartLegend data-testid="usage-legend" />}
            legendPosition="bottom"
            height={HEIGHT}
            width={WIDTH}
            padding={{ top: 20, bottom: 80, left: 70, right: 20 }}
          >
            {/* Dates need no axis title, and PatternFly's bottom legend would sit on top of one. */}
            <ChartAxis tickValues={ticks} fixLabelOverlap />
            <ChartAxis dependentAxis showGrid tickFormat={(n: number) => (Number.isInteger(n) ? String(n) : "")} label={t("machineUsersUsageCount")} />
            <ChartStack>
              {[
                { color: ISSUED_COLOR, data: bars(issuedName, (d) => d.tokensIssued) },
                { color: FAILED_COLOR, data: bars(failedName, (d) => d.failedAttempts) },
              ].map(({ color, data }) => (
                <ChartBar
                  key={color}
                  data={data}
                  style={{ data: { fill: color } }}
                  barWidth={14}
                  labels={({ datum }: { datum: { tooltip: string } }) => datum.tooltip}
                  labelComponent={<ChartTooltip constrainToVisibleArea />}
                />
              ))}
            </ChartStack>
          </Chart>
        </div>
      )}
    </div>
  );
};
