import type { SelectProps } from "@mantine/core";
import { api, queryString } from "../../api/client";
import type { DirectoryResult, Member } from "../../api/types";
import { RemoteSelect } from "../../ui/RemoteSelect";
import { useCluster } from "../auth/cluster";

interface Props extends Omit<SelectProps, "data" | "value" | "onChange" | "searchValue" | "onSearchChange"> {
  value: string | null;
  selectedLabel?: string | null;
  onChange: (id: string | null, member: Member | null) => void;
  excludeId?: string;
}

/** Picks a member of the cluster by name (sponsor, account's company). */
export function MemberPicker({ value, selectedLabel, onChange, excludeId, ...props }: Props) {
  const cluster = useCluster();
  return (
    <RemoteSelect<Member>
      {...props}
      queryKey={`members-${cluster.slug}`}
      load={async (q) => {
        const result = await api.get<DirectoryResult>(
          `${cluster.apiPath("members")}${queryString({ q, pageSize: 10, sort: "relevance" })}`,
        );
        return result.items
          .filter((m) => m.id !== excludeId)
          .map((m) => ({ value: m.id, label: m.town ? `${m.legalName} · ${m.town}` : m.legalName, item: m }));
      }}
      value={value}
      selectedLabel={selectedLabel}
      onChange={onChange}
    />
  );
}
