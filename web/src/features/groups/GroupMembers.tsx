import { Badge, Button, Group, Menu, Stack, Text } from "@mantine/core";
import { IconDots } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Section } from "../../ui/Section";
import { useCluster } from "../auth/cluster";
import { notifyError, notifySuccess } from "../members/notify";
import { MemberPicker } from "../reference/MemberPicker";
import { type GroupDetail, type MembershipStatus, useGroupMutations } from "./api";

const colors: Record<MembershipStatus, string> = { active: "teal", invited: "orange", declined: "gray", left: "gray" };

/** The group's companies; staff invite and remove, a company answers for itself. */
export function GroupMembers({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const mutations = useGroupMutations(group.id);
  const setStatus = (memberId: string, status: MembershipStatus) =>
    mutations.setMembership.mutate({ memberId, status }, { onError: notifyError });
  const own = group.members.find((m) => m.memberId === cluster.memberId);
  return (
    <Section title={t("groups.sections.members")} testId="section-group-members">
      {own && !group.canManage && (
        <Group gap="xs" mb="sm" data-testid="my-membership">
          <Text size="sm" fw={600}>
            {t(`groups.myStatus.${own.status}`)}
          </Text>
          {own.status === "invited" && (
            <>
              <Button
                size="compact-sm"
                onClick={() => setStatus(own.memberId, "active")}
                data-testid="membership-accept"
              >
                {t("groups.members.accept")}
              </Button>
              <Button size="compact-sm" variant="default" onClick={() => setStatus(own.memberId, "declined")}>
                {t("groups.members.decline")}
              </Button>
            </>
          )}
          {own.status === "active" && (
            <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setStatus(own.memberId, "left")}>
              {t("groups.members.leave")}
            </Button>
          )}
          {(own.status === "declined" || own.status === "left") && (
            <Button size="compact-sm" variant="light" onClick={() => setStatus(own.memberId, "active")}>
              {t("groups.members.rejoin")}
            </Button>
          )}
        </Group>
      )}
      {group.members.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("groups.members.none")}
        </Text>
      ) : (
        <Stack gap={4}>
          {group.members.map((m) => (
            <Group key={m.memberId} justify="space-between" wrap="nowrap" data-testid="group-member">
              <Text size="sm" component={Link} to={cluster.path(`members/${m.memberId}`)} c="inherit" truncate>
                {m.name}
              </Text>
              <Group gap={4} wrap="nowrap">
                <Badge size="sm" variant="light" color={colors[m.status]} data-testid="group-member-status">
                  {t(`groups.membership.${m.status}`)}
                </Badge>
                {group.canManage && (
                  <Menu position="bottom-end">
                    <Menu.Target>
                      <Button size="compact-xs" variant="subtle" color="gray" aria-label={m.name}>
                        <IconDots size={14} />
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      {(["active", "invited", "declined", "left"] as const)
                        .filter((s) => s !== m.status)
                        .map((s) => (
                          <Menu.Item key={s} onClick={() => setStatus(m.memberId, s)}>
                            {t(`groups.membership.${s}`)}
                          </Menu.Item>
                        ))}
                      <Menu.Divider />
                      <Menu.Item
                        color="red"
                        onClick={() => mutations.removeMember.mutate(m.memberId, { onError: notifyError })}
                      >
                        {t("groups.members.remove")}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      {group.canManage && (
        <MemberPicker
          mt="sm"
          placeholder={t("groups.members.invitePlaceholder")}
          aria-label={t("groups.members.invite")}
          value={null}
          onChange={(id) =>
            id &&
            !group.members.some((m) => m.memberId === id) &&
            mutations.invite.mutate(id, {
              onSuccess: () => notifySuccess(t("groups.members.invited")),
              onError: notifyError,
            })
          }
        />
      )}
    </Section>
  );
}
