import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { API_BASE, api, queryString } from "../../api/client";
import { useCluster } from "../auth/cluster";

export type MailStatus = "pending" | "sent" | "failed" | "held";

export interface OutboxAttachment {
  filename: string;
  contentType: string;
  sizeBytes: number;
}

export interface OutboxMessage {
  id: string;
  kind: string;
  toAddress: string;
  toName: string | null;
  subject: string;
  status: MailStatus;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
  attachments: OutboxAttachment[];
}

export interface OutboxMessageDetail extends OutboxMessage {
  text: string;
  html: string | null;
}

export interface OutboxPage {
  messages: OutboxMessage[];
  total: number;
  delivery: "smtp" | "held";
}

export const PAGE_SIZE = 25;

export function useOutbox(status: MailStatus | null, page: number) {
  const cluster = useCluster();
  const search = queryString({ status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return useQuery({
    queryKey: ["outbox", cluster.slug, search],
    queryFn: () => api.get<OutboxPage>(`${cluster.apiPath("outbox")}${search}`),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
}

export function useOutboxMessage(id: string | null) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["outbox", cluster.slug, "message", id],
    queryFn: () => api.get<OutboxMessageDetail>(cluster.apiPath(`outbox/${id}`)),
    enabled: Boolean(id),
  });
}

/** Where an attachment downloads from (same-origin, the session cookie goes with it). */
export function useAttachmentUrl() {
  const cluster = useCluster();
  return (messageId: string, index: number) =>
    `${API_BASE}${cluster.apiPath(`outbox/${messageId}/attachments/${index}`)}`;
}
