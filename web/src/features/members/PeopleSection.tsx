import { ActionIcon, Anchor, Badge, Button, Group, Menu, Stack, Switch, Text } from "@mantine/core";
import { IconDots, IconDownload, IconEraser, IconPencil, IconPlus, IconTrash, IconUser } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { API_BASE } from "../../api/client";
import type { Member, Person } from "../../api/types";
import { personName } from "../../lib/format";
import { Section } from "../../ui/Section";
import { useCluster } from "../auth/cluster";
import { usePersonMutations } from "./api";
import { EraseModal } from "./EraseModal";
import { notifyError, notifySuccess } from "./notify";
import { PersonModal } from "./PersonModal";

interface Props {
  member: Member;
  /** "Mon entreprise": consent as a switch on each line. */
  consentSwitches?: boolean;
}

function PersonRow({
  person,
  member,
  consentSwitch,
  onEdit,
  onErase,
}: {
  person: Person;
  member: Member;
  consentSwitch: boolean;
  onEdit: () => void;
  onErase: () => void;
}) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const mutations = usePersonMutations(member.id);
  const name = personName(person);
  if (person.erased) {
    return (
      <Group gap="xs" py={6} data-testid="person-row" data-erased="true">
        <IconUser size={16} color="var(--mantine-color-gray-5)" />
        <Text size="sm" c="dimmed" fs="italic">
          {t("people.erased")}
        </Text>
      </Group>
    );
  }
  const remove = () =>
    mutations.remove.mutate(person.id, {
      onSuccess: () => notifySuccess(t("people.removed", { name })),
      onError: notifyError,
    });
  const toggleListed = (listed: boolean) =>
    mutations.update.mutate(
      { id: person.id, patch: { listed } },
      {
        onSuccess: () => notifySuccess(listed ? t("people.nowListed", { name }) : t("people.nowUnlisted", { name })),
        onError: notifyError,
      },
    );
  return (
    <Group justify="space-between" wrap="nowrap" py={6} align="flex-start" data-testid="person-row">
      <div style={{ minWidth: 0 }}>
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {name || "—"}
          </Text>
          {person.isMainContact && (
            <Badge size="xs" color="violet">
              {t("people.mainContact")}
            </Badge>
          )}
          {!consentSwitch &&
            (person.listed ? (
              <Badge size="xs" color="teal" data-testid="person-listed">
                {t("people.listed")}
              </Badge>
            ) : (
              <Badge size="xs" color="gray">
                {t("people.notListed")}
              </Badge>
            ))}
        </Group>
        {person.jobTitle && (
          <Text size="xs" c="dimmed">
            {person.jobTitle}
          </Text>
        )}
        <Group gap="md">
          {person.email && (
            <Anchor href={`mailto:${person.email}`} size="xs">
              {person.email}
            </Anchor>
          )}
          {person.phone && (
            <Text size="xs" c="dimmed">
              {person.phone}
            </Text>
          )}
        </Group>
        {consentSwitch && (
          <Switch
            mt={6}
            size="xs"
            checked={person.listed}
            onChange={(e) => toggleListed(e.currentTarget.checked)}
            label={t("people.listedSwitch")}
            disabled={mutations.update.isPending}
            data-testid="person-consent"
          />
        )}
      </div>
      {member.canEdit && (
        <Menu position="bottom-end" width={230}>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t("people.actions", { name })}
              data-testid="person-menu"
            >
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
              {t("common.edit")}
            </Menu.Item>
            <Menu.Item leftSection={<IconTrash size={14} />} onClick={remove}>
              {t("people.remove")}
            </Menu.Item>
            {cluster.isStaff && (
              <>
                <Menu.Divider />
                <Menu.Label>{t("people.gdpr")}</Menu.Label>
                <Menu.Item
                  component="a"
                  href={`${API_BASE}${cluster.apiPath(`people/${person.id}/export`)}`}
                  download={`personne-${person.id}.json`}
                  leftSection={<IconDownload size={14} />}
                  data-testid="person-export"
                >
                  {t("people.export")}
                </Menu.Item>
                <Menu.Item
                  color="red"
                  leftSection={<IconEraser size={14} />}
                  onClick={onErase}
                  data-testid="person-erase"
                >
                  {t("people.erase")}
                </Menu.Item>
              </>
            )}
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}

export function PeopleSection({ member, consentSwitches = false }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Person | "new" | null>(null);
  const [erasing, setErasing] = useState<Person | null>(null);
  const people = member.people;
  if (!people) return null;
  return (
    <Section
      title={t("member.sections.people")}
      testId="section-people"
      action={
        member.canEdit && (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing("new")}
            data-testid="person-add"
          >
            {t("people.add")}
          </Button>
        )
      }
    >
      {people.length === 0 ? (
        <Text size="sm" c="dimmed">
          {member.canEdit ? t("people.noneEditable") : t("people.none")}
        </Text>
      ) : (
        <Stack gap={0} style={{ borderTop: "1px solid var(--mantine-color-gray-2)" }}>
          {people.map((person) => (
            <div key={person.id} style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}>
              <PersonRow
                person={person}
                member={member}
                consentSwitch={consentSwitches}
                onEdit={() => setEditing(person)}
                onErase={() => setErasing(person)}
              />
            </div>
          ))}
        </Stack>
      )}
      {editing && (
        <PersonModal
          memberId={member.id}
          person={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {erasing && <EraseModal memberId={member.id} person={erasing} onClose={() => setErasing(null)} />}
    </Section>
  );
}
