import { ActionIcon, Button, Grid, Group, Menu, Skeleton, Stack, Text, Timeline } from "@mantine/core";
import { IconDots, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Member } from "../../api/types";
import { useFormat } from "../../lib/format";
import { Empty } from "../../ui/Empty";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { Section } from "../../ui/Section";
import { MemberEngagementCard } from "../engagement/MemberEngagementCard";
import { notifyError, notifySuccess } from "../members/notify";
import { type Contact, useContactLog, useContactMutations } from "./api";
import { ConfirmModal } from "./ConfirmModal";
import { ContactModal } from "./ContactModal";
import { FollowUpList } from "./FollowUpList";
import { FollowUpModal } from "./FollowUpModal";
import { KindBadge, KindBullet } from "./kinds";

function ContactEntry({ contact, member }: { contact: Contact; member: Member }) {
  const { t } = useTranslation();
  const format = useFormat();
  const mutations = useContactMutations();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  return (
    <div data-testid="contact-entry">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap={6} wrap="wrap">
          <KindBadge kind={contact.kind} />
          <Text size="sm" fw={600}>
            {format.date(contact.happenedAt)}
          </Text>
          {contact.person && (
            <Text size="sm" c="dimmed">
              {t("contacts.log.with", { name: contact.person.name })}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t("contacts.log.by", { name: contact.staff.name })}
          </Text>
        </Group>
        <Menu position="bottom-end">
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t("common.more")}>
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
              {t("contacts.log.edit")}
            </Menu.Item>
            <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => setDeleting(true)}>
              {t("contacts.log.delete")}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Text size="sm" mt={4} style={{ whiteSpace: "pre-line", overflowWrap: "anywhere" }}>
        {contact.summary}
      </Text>
      {contact.followUps.map((f) => (
        <Text key={f.id} size="xs" c={f.doneAt ? "dimmed" : f.overdue ? "red" : "violet"} mt={4}>
          → {f.title} ·{" "}
          {f.doneAt
            ? t("contacts.followUps.done", { date: format.date(f.doneAt) })
            : t("contacts.followUps.due", { date: format.date(f.dueOn) })}
        </Text>
      ))}
      {editing && (
        <ContactModal
          memberId={member.id}
          people={member.people ?? []}
          contact={contact}
          onClose={() => setEditing(false)}
        />
      )}
      {deleting && (
        <ConfirmModal
          message={t("contacts.log.deleteConfirm")}
          confirmLabel={t("contacts.log.delete")}
          loading={mutations.remove.isPending}
          onClose={() => setDeleting(false)}
          onConfirm={() =>
            mutations.remove.mutate(contact.id, {
              onSuccess: () => {
                notifySuccess(t("contacts.log.deleted"));
                setDeleting(false);
              },
              onError: notifyError,
            })
          }
        />
      )}
    </div>
  );
}

/** The member page's contact-log tab (staff): what was said when, what is planned, and the engagement score. */
export function ContactLogTab({ member }: { member: Member }) {
  const { t } = useTranslation();
  const format = useFormat();
  const log = useContactLog(member.id);
  const [adding, setAdding] = useState(false);
  const [planning, setPlanning] = useState(false);

  if (log.isError) return <ErrorDisplay error={log.error} onRetry={() => log.refetch()} />;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Section
          title={t("contacts.log.title")}
          testId="contact-log"
          action={
            <Button
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setAdding(true)}
              data-testid="contact-add"
            >
              {t("contacts.log.add")}
            </Button>
          }
        >
          {log.isPending ? (
            <Stack gap="md" aria-hidden>
              {[0, 1, 2].map((i) => (
                <Skeleton key={i} h={48} />
              ))}
            </Stack>
          ) : log.data.contacts.length === 0 ? (
            <Empty title={t("contacts.log.empty")} description={t("contacts.log.emptyHelp")} />
          ) : (
            <Stack gap="xs">
              <Text size="xs" c="dimmed">
                {log.data.lastContactAt
                  ? t("contacts.log.lastContact", { date: format.date(log.data.lastContactAt) })
                  : t("contacts.log.noContact")}
              </Text>
              <Timeline bulletSize={22} lineWidth={1}>
                {log.data.contacts.map((contact) => (
                  <Timeline.Item key={contact.id} bullet={<KindBullet kind={contact.kind} />}>
                    <ContactEntry contact={contact} member={member} />
                  </Timeline.Item>
                ))}
              </Timeline>
            </Stack>
          )}
        </Section>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md">
          <Section
            title={t("contacts.followUps.title")}
            testId="follow-ups"
            action={
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPlus size={14} />}
                onClick={() => setPlanning(true)}
                data-testid="follow-up-add"
              >
                {t("contacts.followUps.add")}
              </Button>
            }
          >
            {log.isPending ? <Skeleton h={80} /> : <FollowUpList items={log.data.followUps} />}
          </Section>
          <MemberEngagementCard memberId={member.id} />
        </Stack>
      </Grid.Col>
      {adding && (
        <ContactModal
          memberId={member.id}
          people={member.people ?? []}
          contact={null}
          onClose={() => setAdding(false)}
        />
      )}
      {planning && <FollowUpModal memberId={member.id} followUp={null} onClose={() => setPlanning(false)} />}
    </Grid>
  );
}
