import {
  Alert,
  Anchor,
  Box,
  Button,
  CloseButton,
  Collapse,
  Group,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconAlertTriangle, IconArrowLeft, IconCheck, IconChevronDown, IconSearch } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { useCluster } from "../auth/cluster";
import { notifyError } from "../members/notify";
import { useCheckIn, useOccurrence, useRegistrations } from "./api";
import { parisDateKey, todayKey, useEventDates } from "./dates";
import classes from "./events.module.css";
import type { Registration } from "./types";

const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

const byName = (a: Registration, b: Registration) => a.name.localeCompare(b.name, "fr", { sensitivity: "base" });

function Counter({ value, label, testId, color }: { value: number; label: string; testId: string; color?: string }) {
  return (
    <div className={classes.counter}>
      <Text fz={26} fw={700} lh={1.1} c={color} style={{ fontVariantNumeric: "tabular-nums" }} data-testid={testId}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </div>
  );
}

function PersonRow({
  registration,
  disabled,
  onToggle,
}: {
  registration: Registration;
  disabled: boolean;
  onToggle: (registration: Registration) => void;
}) {
  const { t } = useTranslation();
  const present = Boolean(registration.checkedInAt);
  const company = registration.memberName ?? registration.company;
  return (
    <div
      className={classes.checkRow}
      data-present={present}
      data-testid="checkin-row"
      data-registration-id={registration.id}
    >
      <Box style={{ flex: 1, minWidth: 0 }}>
        <Text fw={600} size="md" truncate data-testid="checkin-name">
          {registration.name}
        </Text>
        {company && (
          <Text size="sm" c="dimmed" truncate>
            {company}
          </Text>
        )}
      </Box>
      {registration.status === "confirmed" && (
        <Button
          size="lg"
          h={52}
          miw={120}
          px="md"
          variant={present ? "filled" : "outline"}
          color={present ? "teal" : "violet"}
          leftSection={present ? <IconCheck size={20} /> : undefined}
          onClick={() => onToggle(registration)}
          disabled={disabled}
          aria-pressed={present}
          aria-label={`${present ? t("events.checkin.undo") : t("events.checkin.checkIn")} · ${registration.name}`}
          data-testid="checkin-toggle"
        >
          {present ? t("events.checkin.present") : t("events.checkin.checkIn")}
        </Button>
      )}
    </div>
  );
}

/** The door screen, made for a phone held by staff: search, tap to check in or undo, live counters. */
export default function CheckInPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const cluster = useCluster();
  const dates = useEventDates();
  const occurrence = useOccurrence(id);
  const registrations = useRegistrations(id, true, 15_000);
  const checkIn = useCheckIn(id);
  const [search, setSearch] = useState("");
  const [waitingOpen, { toggle: toggleWaiting }] = useDisclosure(false);

  const all = registrations.data ?? [];
  const confirmed = useMemo(() => all.filter((r) => r.status === "confirmed").sort(byName), [all]);
  const waiting = useMemo(() => all.filter((r) => r.status === "waiting"), [all]);
  const present = confirmed.filter((r) => r.checkedInAt).length;
  const q = fold(search.trim());
  const matches = (r: Registration) =>
    !q || fold([r.name, r.company, r.memberName, r.email].filter(Boolean).join(" ")).includes(q);
  const shown = confirmed.filter(matches);
  const shownWaiting = waiting.filter(matches);

  if (occurrence.isError) return <ErrorDisplay error={occurrence.error} onRetry={() => occurrence.refetch()} />;
  const data = occurrence.data;
  const cancelled = data?.status === "cancelled";
  const notYet = data ? todayKey() < parisDateKey(data.startsAt) : false;
  const closed = cancelled || notYet;

  const toggle = (registration: Registration) =>
    checkIn.mutate({ registrationId: registration.id, present: !registration.checkedInAt }, { onError: notifyError });

  return (
    <Box maw={640} mx="auto" data-testid="checkin-page" style={{ marginInline: "auto" }}>
      <Anchor
        component={Link}
        to={cluster.path(`occurrences/${id}`)}
        size="sm"
        c="dimmed"
        style={{ display: "inline-flex", alignItems: "center", gap: 4 }}
      >
        <IconArrowLeft size={14} />
        {t("events.checkin.back")}
      </Anchor>
      {data ? (
        <Box mt={6} mb="sm">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t("events.checkin.title")}
          </Text>
          <Title order={1} fz={20} fw={650} lh={1.25} data-testid="checkin-title">
            {data.title}
          </Title>
          <Text size="sm" c="dimmed">
            {dates.range(data.startsAt, data.endsAt)}
          </Text>
        </Box>
      ) : (
        <Stack gap={6} mt={6} mb="sm">
          <Skeleton h={22} w="70%" />
          <Skeleton h={14} w="50%" />
        </Stack>
      )}
      {cancelled && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} mb="sm">
          {t("events.checkin.cancelled")}
        </Alert>
      )}
      {!cancelled && notYet && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} mb="sm" data-testid="checkin-not-today">
          {t("events.checkin.notToday")}
        </Alert>
      )}
      <Group gap="xs" grow mb="sm" wrap="nowrap" aria-live="polite">
        <Counter
          value={present}
          label={t("events.checkin.presentLabel")}
          testId="checkin-count-present"
          color="teal.7"
        />
        <Counter value={confirmed.length} label={t("events.checkin.expectedLabel")} testId="checkin-count-expected" />
        <Counter value={waiting.length} label={t("events.checkin.waitingLabel")} testId="checkin-count-waiting" />
      </Group>
      <Box pos="sticky" top={52} py={6} bg="white" style={{ zIndex: 3 }}>
        <TextInput
          size="lg"
          type="search"
          inputMode="search"
          autoComplete="off"
          placeholder={t("events.checkin.search")}
          aria-label={t("events.checkin.search")}
          leftSection={<IconSearch size={20} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          rightSection={
            search ? (
              <CloseButton size="lg" aria-label={t("events.calendar.clearSearch")} onClick={() => setSearch("")} />
            ) : null
          }
          data-testid="checkin-search"
        />
      </Box>
      {registrations.isError ? (
        <ErrorDisplay error={registrations.error} onRetry={() => registrations.refetch()} />
      ) : registrations.isPending ? (
        <Stack gap="xs" mt="xs">
          {Array.from({ length: 5 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders
            <Skeleton key={i} h={60} />
          ))}
        </Stack>
      ) : (
        <>
          <Box style={{ borderTop: "1px solid var(--mantine-color-gray-2)" }} data-testid="checkin-list">
            {shown.map((registration) => (
              <PersonRow key={registration.id} registration={registration} disabled={closed} onToggle={toggle} />
            ))}
          </Box>
          {shown.length === 0 && (
            <Text ta="center" c="dimmed" py="xl" data-testid="checkin-empty">
              {q ? t("events.checkin.noMatch", { q: search.trim() }) : t("events.checkin.empty")}
            </Text>
          )}
          {waiting.length > 0 && (
            <Box mt="lg">
              <Button
                variant="subtle"
                color="gray"
                fullWidth
                justify="space-between"
                rightSection={
                  <IconChevronDown size={16} style={{ transform: waitingOpen ? "rotate(180deg)" : undefined }} />
                }
                onClick={toggleWaiting}
                data-testid="checkin-waiting-toggle"
              >
                {t("events.checkin.showWaiting")} ({shownWaiting.length})
              </Button>
              <Collapse expanded={waitingOpen}>
                <Text size="xs" c="dimmed" px="sm" py={4}>
                  {t("events.checkin.waitingHelp")}
                </Text>
                {shownWaiting.map((registration) => (
                  <PersonRow key={registration.id} registration={registration} disabled onToggle={toggle} />
                ))}
              </Collapse>
            </Box>
          )}
        </>
      )}
    </Box>
  );
}
