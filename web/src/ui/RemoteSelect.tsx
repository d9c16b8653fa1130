import { Loader, Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

export interface RemoteOption<T> {
  value: string;
  label: string;
  item: T;
}

interface Props<T> extends Omit<SelectProps, "data" | "value" | "onChange" | "searchValue" | "onSearchChange"> {
  queryKey: string;
  /** Options matching what was typed (the server filters; nothing is filtered here). */
  load: (search: string) => Promise<RemoteOption<T>[]>;
  value: string | null;
  /** Label of the current value, shown before any search (e.g. the town already saved). */
  selectedLabel?: string | null;
  onChange: (value: string | null, item: T | null) => void;
  minChars?: number;
}

/** A searchable Select whose options come from the server as the user types (communes, NAF codes, members). */
export function RemoteSelect<T>({ queryKey, load, value, selectedLabel, onChange, minChars = 1, ...props }: Props<T>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const picked = useRef<RemoteOption<T> | null>(null);
  const currentLabel = picked.current?.value === value ? picked.current?.label : value ? selectedLabel : null;
  const query = useQuery({
    queryKey: ["remote-select", queryKey, debounced],
    queryFn: () => load(debounced),
    // Once an option is chosen the box shows its label: no need to search for it.
    enabled: debounced.length >= minChars && debounced !== currentLabel?.trim(),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });

  const options = useMemo(() => {
    const list = [...(query.data ?? [])];
    const current =
      picked.current?.value === value
        ? picked.current
        : value && selectedLabel
          ? { value, label: selectedLabel, item: null as T | null }
          : null;
    if (current && !list.some((o) => o.value === current.value)) list.unshift(current as RemoteOption<T>);
    return list;
  }, [query.data, value, selectedLabel]);

  return (
    <Select
      {...props}
      searchable
      clearable
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      data={options.map(({ value: v, label }) => ({ value: v, label }))}
      filter={({ options: all }) => all}
      nothingFoundMessage={debounced.length >= minChars && !query.isFetching ? t("common.noMatch") : undefined}
      rightSection={query.isFetching ? <Loader size={14} /> : undefined}
      onChange={(next) => {
        const option = options.find((o) => o.value === next) ?? null;
        picked.current = option;
        onChange(next, option?.item ?? null);
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
