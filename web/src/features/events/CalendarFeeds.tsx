import {
  ActionIcon,
  Button,
  CopyButton,
  Group,
  Popover,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { IconCalendarPlus, IconCheck, IconCopy, IconExternalLink } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { useMyCalendarUrl, usePublicFeedUrl, webcalUrl } from "./api";

function FeedLink({ label, help, url, testId }: { label: string; help: string; url: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="xs" fw={600}>
        {label}
      </Text>
      <Text size="xs" c="dimmed" mb={4}>
        {help}
      </Text>
      <Group gap={4} wrap="nowrap">
        <TextInput
          size="xs"
          readOnly
          value={url}
          style={{ flex: 1 }}
          onFocus={(event) => event.currentTarget.select()}
          aria-label={label}
          data-testid={testId}
        />
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t("events.feeds.copied") : t("events.feeds.copy")} withArrow>
              <ActionIcon variant="default" onClick={copy} aria-label={t("events.feeds.copy")}>
                {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
        <Tooltip label={t("events.feeds.open")} withArrow>
          <ActionIcon component="a" href={webcalUrl(url)} variant="default" aria-label={t("events.feeds.open")}>
            <IconExternalLink size={14} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </div>
  );
}

/** The private feed (fetched when first asked, since the server creates it then) and the public one. */
export function FeedLinks({ withPublic = true }: { withPublic?: boolean }) {
  const { t } = useTranslation();
  const [asked, setAsked] = useState(false);
  const mine = useMyCalendarUrl(asked);
  const publicUrl = usePublicFeedUrl();
  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        {t("events.feeds.help")}
      </Text>
      {!asked ? (
        <Button
          variant="light"
          size="xs"
          leftSection={<IconCalendarPlus size={14} />}
          onClick={() => setAsked(true)}
          data-testid="feed-private-show"
        >
          {t("events.feeds.show")}
        </Button>
      ) : mine.isPending ? (
        <Skeleton h={48} />
      ) : mine.isError ? (
        <ErrorDisplay error={mine.error} onRetry={() => mine.refetch()} />
      ) : (
        <FeedLink
          label={t("events.feeds.private")}
          help={t("events.feeds.privateHelp")}
          url={mine.data}
          testId="feed-private-url"
        />
      )}
      {withPublic && (
        <FeedLink
          label={t("events.feeds.public")}
          help={t("events.feeds.publicHelp")}
          url={publicUrl}
          testId="feed-public-url"
        />
      )}
    </Stack>
  );
}

/** The calendar page's "Calendars" button. */
export function CalendarFeeds() {
  const { t } = useTranslation();
  return (
    <Popover position="bottom-end" width={380} shadow="md" withinPortal>
      <Popover.Target>
        <Button variant="default" leftSection={<IconCalendarPlus size={16} />} data-testid="calendar-feeds">
          {t("events.calendar.feeds")}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <FeedLinks />
      </Popover.Dropdown>
    </Popover>
  );
}
