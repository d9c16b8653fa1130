import { Grid, MultiSelect, Select, Textarea } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useTrades } from "../reference/api";
import type { MeetingDay, Participant, ParticipantInput } from "./api";
import { categoryOptions, useSlotOptions } from "./shared";

/** What a participant's profile form holds: Selects work on strings, "" = not set. */
export interface ProfileValues {
  category: string | null;
  offers: string;
  seeks: string;
  tradeCodes: string[];
  availableFrom: string | null;
  availableTo: string | null;
}

export const profileValues = (p?: Participant | null): ProfileValues => ({
  category: p?.category?.code ?? null,
  offers: p?.offers ?? "",
  seeks: p?.seeks ?? "",
  tradeCodes: p?.trades.map((tr) => tr.code) ?? [],
  availableFrom: p?.availableFrom != null ? String(p.availableFrom) : null,
  availableTo: p?.availableTo != null ? String(p.availableTo) : null,
});

export const profileInput = (v: ProfileValues): ParticipantInput => ({
  category: v.category || null,
  offers: v.offers.trim(),
  seeks: v.seeks.trim(),
  tradeCodes: v.tradeCodes,
  availableFrom: v.availableFrom !== null && v.availableFrom !== "" ? Number(v.availableFrom) : null,
  availableTo: v.availableTo !== null && v.availableTo !== "" ? Number(v.availableTo) : null,
});

/** Category, offer, need, trades and the time window: the same fields for a member and for staff. */
export function ProfileFields<T extends ProfileValues>({ day, form }: { day: MeetingDay; form: UseFormReturnType<T> }) {
  const { t } = useTranslation();
  const trades = useTrades();
  const slots = useSlotOptions(day);
  // biome-ignore lint/suspicious/noExplicitAny: the form extends ProfileValues; paths are the same
  const f = form as unknown as UseFormReturnType<any>;
  return (
    <Grid gap="sm">
      {day.categories.length > 0 && (
        <Grid.Col span={12}>
          <Select
            label={t("meetings.participant.category")}
            data={categoryOptions(day.categories)}
            clearable
            {...f.getInputProps("category")}
            data-testid="profile-category"
          />
        </Grid.Col>
      )}
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Textarea
          label={t("meetings.participant.offers")}
          description={t("meetings.participant.offersHelp")}
          autosize
          minRows={3}
          maxRows={10}
          {...f.getInputProps("offers")}
          data-testid="profile-offers"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Textarea
          label={t("meetings.participant.seeks")}
          description={t("meetings.participant.seeksHelp")}
          autosize
          minRows={3}
          maxRows={10}
          {...f.getInputProps("seeks")}
          data-testid="profile-seeks"
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <MultiSelect
          label={t("meetings.participant.trades")}
          data={trades.options}
          searchable
          clearable
          maxValues={30}
          nothingFoundMessage={t("common.noMatch")}
          {...f.getInputProps("tradeCodes")}
          data-testid="profile-trades"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          label={t("meetings.participant.from")}
          placeholder={t("meetings.participant.wholeDay")}
          data={slots}
          clearable
          {...f.getInputProps("availableFrom")}
          data-testid="profile-from"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          label={t("meetings.participant.to")}
          placeholder={t("meetings.participant.wholeDay")}
          data={slots}
          clearable
          {...f.getInputProps("availableTo")}
          data-testid="profile-to"
        />
      </Grid.Col>
    </Grid>
  );
}
