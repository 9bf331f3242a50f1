import { Button, Checkbox, FormSelect, FormSelectOption, Stack, StackItem, Toolbar, ToolbarContent, ToolbarItem } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Partition } from "./api";

/**
 * A select as wide as its longest label plus the arrow: in a toolbar a select is only as wide as
 * the browser measures the option text, so the text would run under PatternFly's arrow.
 */
export const fitLongest = (labels: (string | undefined)[]) => ({
  minWidth: `calc(${Math.max(8, ...labels.map((label) => label?.length ?? 0))}ch + 3rem)`,
});

type PartitionSelectProps = {
  partitions: Partition[];
  /** A partition path, or "" for the realm root. */
  value: string;
  onChange: (path: string) => void;
  /** The realm root as a choice: where realm-wide administrators keep unscoped machine users. */
  rootLabel?: string;
  testId: string;
  isDisabled?: boolean;
};

/** Partitions by path, so that the tree shows in the order and depth an administrator expects. */
export const PartitionSelect = ({ partitions, value, onChange, rootLabel, testId, isDisabled }: PartitionSelectProps) => {
  const { t } = useTranslation();
  const sorted = [...partitions].sort((a, b) => a.path.localeCompare(b.path));
  return (
    <FormSelect
      aria-label={t("machineUsersPartition")}
      data-testid={testId}
      value={value}
      isDisabled={isDisabled}
      style={fitLongest([rootLabel, ...sorted.map((p) => p.path)])}
      onChange={(_e, path) => onChange(path)}
    >
      {rootLabel !== undefined && <FormSelectOption value="" label={rootLabel} />}
      {sorted.map((p) => (
        <FormSelectOption key={p.id} value={p.path} label={p.path} />
      ))}
    </FormSelect>
  );
};

type ChoiceListProps = {
  options: { value: string; label?: string }[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
  testId: string;
  empty: string;
};

/** Several of a short list (permission sets, partitions): every option visible, no typing of names. */
export const ChoiceList = ({ options, chosen, onChange, testId, empty }: ChoiceListProps) => (
  <Stack data-testid={testId}>
    {options.length === 0 && <StackItem>{empty}</StackItem>}
    {options.map((option) => (
      <StackItem key={option.value}>
        <Checkbox
          id={`${testId}-${option.value}`}
          data-testid={`${testId}-${option.value}`}
          label={option.label ?? option.value}
          isChecked={chosen.includes(option.value)}
          onChange={(_e, checked) => onChange(checked ? [...chosen, option.value] : chosen.filter((v) => v !== option.value))}
        />
      </StackItem>
    ))}
  </Stack>
);

type ChooseAndAddProps = {
  label: string;
  placeholder: string;
  options: { value: string; label: string }[];
  addLabel: string;
  /** data-testid of the button; the select gets "{testId}-choice". */
  testId: string;
  onAdd: (value: string) => void;
};

/** One of a list to add (a set to grant, a group to join): pick, then press the button. */
export const ChooseAndAdd = ({ label, placeholder, options, addLabel, testId, onAdd }: ChooseAndAddProps) => {
  const [choice, setChoice] = useState("");
  return (
    <Toolbar>
      <ToolbarContent>
        <ToolbarItem>
          <FormSelect
            aria-label={label}
            data-testid={`${testId}-choice`}
            value={choice}
            style={fitLongest([placeholder, ...options.map((option) => option.label)])}
            onChange={(_e, v) => setChoice(v)}
          >
            <FormSelectOption value="" label={placeholder} />
            {options.map((option) => (
              <FormSelectOption key={option.value} value={option.value} label={option.label} />
            ))}
          </FormSelect>
        </ToolbarItem>
        <ToolbarItem>
          <Button
            data-testid={testId}
            isDisabled={!choice}
            onClick={() => {
              setChoice("");
              onAdd(choice);
            }}
          >
            {addLabel}
          </Button>
        </ToolbarItem>
      </ToolbarContent>
    </Toolbar>
  );
};
