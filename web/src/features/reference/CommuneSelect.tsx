import type { SelectProps } from "@mantine/core";
import type { Commune } from "../../api/types";
import { RemoteSelect } from "../../ui/RemoteSelect";
import { searchCommunes } from "./api";

interface Props extends Omit<SelectProps, "data" | "value" | "onChange" | "searchValue" | "onSearchChange"> {
  value: string | null;
  selectedLabel?: string | null;
  onChange: (commune: Commune | null, insee: string | null) => void;
}

export const communeLabel = (c: Pick<Commune, "name" | "department">) => `${c.name} (${c.department})`;

/** French communes from the official list: type a name or a postcode. */
export function CommuneSelect({ value, selectedLabel, onChange, ...props }: Props) {
  return (
    <RemoteSelect<Commune>
      {...props}
      queryKey="communes"
      load={async (q) =>
        (await searchCommunes(q)).map((c) => ({
          value: c.insee,
          label: `${communeLabel(c)}${c.postcodes[0] ? ` · ${c.postcodes[0]}` : ""}`,
          item: c,
        }))
      }
      value={value}
      selectedLabel={selectedLabel}
      onChange={(insee, commune) => onChange(commune, insee)}
    />
  );
}
