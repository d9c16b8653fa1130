import type { SelectProps } from "@mantine/core";
import type { NafCode } from "../../api/types";
import { RemoteSelect } from "../../ui/RemoteSelect";
import { searchNaf } from "./api";

interface Props extends Omit<SelectProps, "data" | "value" | "onChange" | "searchValue" | "onSearchChange"> {
  value: string | null;
  selectedLabel?: string | null;
  onChange: (code: string | null) => void;
}

/** NAF rév. 2 codes: type a code ("25.62B") or words of the activity ("usinage"). */
export function NafSelect({ value, selectedLabel, onChange, ...props }: Props) {
  return (
    <RemoteSelect<NafCode>
      {...props}
      queryKey="naf"
      load={async (q) => (await searchNaf(q)).map((c) => ({ value: c.code, label: `${c.code} · ${c.label}`, item: c }))}
      value={value}
      selectedLabel={selectedLabel}
      onChange={(code) => onChange(code)}
    />
  );
}
