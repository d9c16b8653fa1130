import { Alert, Badge, Button, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { Section } from "../../ui/Section";
import { applyServerErrors, notifySuccess } from "../members/notify";
import { type MeetingDay, type Participant, useMeetingActions, useParticipants } from "./api";
import { ProfileFields, type ProfileValues, profileInput, profileValues } from "./ProfileFields";

const EDITABLE = ["requests_open", "requests_closed"];

function ProfileForm({ day, mine }: { day: MeetingDay; mine: Participant | null }) {
  const { t } = useTranslation();
  const actions = useMeetingActions(day.eventId);
  const form = useForm<ProfileValues>({ initialValues: profileValues(mine) });
  const editable = mine ? EDITABLE.includes(day.phase) : day.phase === "requests_open";
  const pending = actions.addParticipant.isPending || actions.updateParticipant.isPending;
  const submit = form.onSubmit((values) => {
    const input = profileInput(values);
    const done = {
      onSuccess: () => notifySuccess(t("meetings.participant.saved")),
      onError: (error: unknown) => applyServerErrors(form, error),
    };
    if (mine) actions.updateParticipant.mutate({ id: mine.id, ...input }, done);
    else {
      // Left empty, the offer and the trades come from the company's own record.
      if (!input.offers) delete input.offers;
      if (!input.tradeCodes?.length) delete input.tradeCodes;
      actions.addParticipant.mutate(input, done);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="sm">
          <ProfileFields day={day} form={form} />
          {editable && (
            <Group justify="flex-end">
              <Button type="submit" loading={pending} data-testid={mine ? "profile-save" : "profile-join"}>
                {mine ? t("meetings.profile.save") : t("meetings.profile.join")}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}

/** A member's own profile for the day: join while requests are open, then keep it up to date. */
export function ProfilePanel({ day }: { day: MeetingDay }) {
  const { t } = useTranslation();
  const participants = useParticipants(day.eventId);
  if (participants.isError) return <ErrorDisplay error={participants.error} onRetry={() => participants.refetch()} />;
  if (participants.isPending) return <Skeleton h={200} />;
  const mine = participants.data.participants.find((p) => p.mine) ?? null;
  return (
    <Stack gap="md">
      {mine?.status === "cancelled" && (
        <Alert color="gray" icon={<IconInfoCircle size={18} />}>
          {t("meetings.profile.cancelled")}
        </Alert>
      )}
      {!mine && day.phase !== "requests_open" ? (
        <Alert color="gray" icon={<IconInfoCircle size={18} />} data-testid="profile-closed">
          {t("meetings.profile.closed")}
        </Alert>
      ) : (
        <Section
          title={mine ? `${mine.company} · ${mine.name}` : t("meetings.profile.join")}
          testId="profile-section"
          action={
            mine && (
              <Badge color="teal" variant="light" data-testid="profile-joined">
                {t("meetings.profile.joined")}
              </Badge>
            )
          }
        >
          <Text size="sm" c="dimmed" mb="sm">
            {mine && !EDITABLE.includes(day.phase) ? t("meetings.profile.frozen") : t("meetings.profile.joinHelp")}
          </Text>
          <ProfileForm key={mine?.id ?? "new"} day={day} mine={mine} />
        </Section>
      )}
    </Stack>
  );
}
