import { CloseButton, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** The directory's one search box: results follow typing (250 ms debounce). */
export function SearchBox({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const lastSent = useRef(value);
  const send = useDebouncedCallback((next: string) => {
    lastSent.current = next;
    onChange(next);
  }, 250);

  // The URL changed from elsewhere (back button, "clear filters"): show it.
  useEffect(() => {
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(value);
    }
  }, [value]);

  return (
    <TextInput
      type="search"
      aria-label={t("directory.searchLabel")}
      placeholder={t("directory.searchPlaceholder")}
      leftSection={<IconSearch size={16} />}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        send(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter") {
          lastSent.current = text;
          onChange(text);
        }
      }}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label={t("directory.clearSearch")}
            onClick={() => {
              setText("");
              lastSent.current = "";
              onChange("");
            }}
          />
        ) : null
      }
      style={{ flex: "1 1 320px" }}
      data-testid="directory-search"
    />
  );
}
