import { Button, Group, Input, Rating, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Section } from "../../ui/Section";
import { notifyError, notifySuccess } from "../members/notify";
import { useOccurrenceMutations } from "./api";
import type { OccurrenceDetail } from "./types";

/** After the event has started, a person with a confirmed seat rates it (1–5) and may comment. */
export function FeedbackSection({ occurrence }: { occurrence: OccurrenceDetail }) {
  const { t } = useTranslation();
  const { feedback } = useOccurrenceMutations(occurrence.id);
  const [rating, setRating] = useState(occurrence.myFeedback?.rating ?? 0);
  const [comment, setComment] = useState(occurrence.myFeedback?.comment ?? "");
  const [error, setError] = useState<string | null>(null);
  const mine = occurrence.myRegistration;
  const started = new Date(occurrence.startsAt).getTime() <= Date.now();
  if (mine?.status !== "confirmed" || !started || occurrence.status === "cancelled") return null;

  const submit = () => {
    if (rating < 1) {
      setError(t("events.feedback.ratingRequired"));
      return;
    }
    setError(null);
    feedback.mutate(
      { registrationId: mine.id, rating, comment },
      { onSuccess: () => notifySuccess(t("events.feedback.thanks")), onError: notifyError },
    );
  };

  return (
    <Section title={t("events.occurrence.sections.feedback")} testId="feedback-form">
      <Stack gap="sm">
        <Text size="sm">{t("events.feedback.prompt")}</Text>
        <Input.Wrapper label={t("events.feedback.rating")} error={error} withAsterisk>
          <Rating
            value={rating}
            onChange={(value) => {
              setRating(value);
              setError(null);
            }}
            size="lg"
            mt={4}
            getSymbolLabel={(index) => t("events.feedback.stars", { count: index })}
            data-testid="feedback-rating"
          />
        </Input.Wrapper>
        <Textarea
          label={t("events.feedback.comment")}
          autosize
          minRows={2}
          maxRows={8}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          data-testid="feedback-comment"
        />
        <Group justify="flex-end">
          <Button onClick={submit} loading={feedback.isPending} data-testid="feedback-submit">
            {occurrence.myFeedback ? t("events.feedback.update") : t("events.feedback.submit")}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
