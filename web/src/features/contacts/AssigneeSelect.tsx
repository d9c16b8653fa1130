import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useCluster } from "../auth/cluster";
import { useAssignees } from "./api";

/** The staff user a follow-up goes to; the caller is marked "(me)". */
export function AssigneeSelect({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (value: string | null) => void;
  error?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const assignees = useAssignees();
  const me = cluster.me.user;
  const users = assignees.data ?? [];
  const options = users.some((u) => u.userId === me.id) ? users : [{ userId: me.id, name: me.name }, ...users];
  return (
    <Select
      label={t("contacts.followUps.assignee")}
      data={options.map((u) => ({
        value: u.userId,
        label: u.userId === me.id ? t("contacts.followUps.me", { name: u.name }) : u.name,
      }))}
      value={value}
      onChange={onChange}
      error={error}
      allowDeselect={false}
      data-testid="follow-up-assignee"
    />
  );
}
