CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"person_id" uuid,
	"kind" text NOT NULL,
	"happened_at" timestamp with time zone NOT NULL,
	"summary" text NOT NULL,
	"staff_user_id" text,
	"staff_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contacts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"contact_id" uuid,
	"title" text NOT NULL,
	"kind" text DEFAULT 'call' NOT NULL,
	"due_on" date NOT NULL,
	"assignee_user_id" text,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "follow_ups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"kind" text DEFAULT 'other' NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text,
	"uploaded_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_cluster_user" UNIQUE("cluster_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "event_occurrences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"original_start" timestamp with time zone NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"holiday" text,
	"cancel_reason" text,
	"minutes" text,
	"results" text,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_occurrences_event_original" UNIQUE("event_id","original_start")
);
--> statement-breakpoint
ALTER TABLE "event_occurrences" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"agenda" text,
	"expected_result" text,
	"timing" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"rrule" text,
	"address_line" text,
	"postcode" text,
	"commune_insee" text,
	"town" text,
	"lat" double precision,
	"lon" double precision,
	"online_url" text,
	"host_member_id" uuid,
	"audience" text DEFAULT 'members' NOT NULL,
	"capacity" integer,
	"seats_per_company" integer,
	"status" text DEFAULT 'published' NOT NULL,
	"working_group_id" uuid,
	"created_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"occurrence_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "registrations_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" uuid,
	"person_id" uuid,
	"user_id" text,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"company" text,
	"is_guest" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"feedback_rating" smallint,
	"feedback_comment" text,
	"feedback_at" timestamp with time zone,
	"token" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registrations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "group_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_member_id" uuid,
	"owner_person_id" uuid,
	"due_on" date,
	"status" text DEFAULT 'todo' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "group_actions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "working_group_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"person_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"invited_at" timestamp with time zone,
	"joined_at" timestamp with time zone,
	"left_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "working_group_members_group_member" UNIQUE("group_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "working_group_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "working_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"name" text NOT NULL,
	"theme" text NOT NULL,
	"workstream" text NOT NULL,
	"description" text,
	"leader_person_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"origin_need_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "working_groups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "need_supporters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"user_id" text,
	"author_label" text NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_supporters_need_member" UNIQUE("need_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "need_supporters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"member_id" uuid,
	"author_user_id" text,
	"author_label" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"status" text DEFAULT 'open' NOT NULL,
	"merged_into_id" uuid,
	"working_group_id" uuid,
	"proposal_dismissed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "needs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"to_address" text NOT NULL,
	"to_name" text,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"dedupe_key" text,
	"related_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "outbox" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "is_board_member" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_occurrences" ADD CONSTRAINT "event_occurrences_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_host_member_id_members_id_fk" FOREIGN KEY ("host_member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_occurrence_id_event_occurrences_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."event_occurrences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_actions" ADD CONSTRAINT "group_actions_group_id_working_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."working_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_actions" ADD CONSTRAINT "group_actions_owner_member_id_members_id_fk" FOREIGN KEY ("owner_member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_actions" ADD CONSTRAINT "group_actions_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_members" ADD CONSTRAINT "working_group_members_group_id_working_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."working_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_members" ADD CONSTRAINT "working_group_members_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_members" ADD CONSTRAINT "working_group_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_groups" ADD CONSTRAINT "working_groups_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_groups" ADD CONSTRAINT "working_groups_leader_person_id_people_id_fk" FOREIGN KEY ("leader_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_supporters" ADD CONSTRAINT "need_supporters_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_supporters" ADD CONSTRAINT "need_supporters_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_member" ON "contacts" USING btree ("cluster_id","member_id","happened_at");--> statement-breakpoint
CREATE INDEX "follow_ups_due" ON "follow_ups" USING btree ("cluster_id","done_at","due_on");--> statement-breakpoint
CREATE INDEX "documents_owner" ON "documents" USING btree ("cluster_id","owner_type","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token" ON "calendar_feeds" USING btree ("token");--> statement-breakpoint
CREATE INDEX "event_occurrences_cluster_start" ON "event_occurrences" USING btree ("cluster_id","starts_at");--> statement-breakpoint
CREATE INDEX "events_cluster_start" ON "events" USING btree ("cluster_id","starts_at");--> statement-breakpoint
CREATE INDEX "events_group" ON "events" USING btree ("cluster_id","working_group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_active_email" ON "registrations" USING btree ("occurrence_id","email") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE INDEX "registrations_occurrence_status" ON "registrations" USING btree ("occurrence_id","status","seq");--> statement-breakpoint
CREATE INDEX "registrations_member" ON "registrations" USING btree ("cluster_id","member_id");--> statement-breakpoint
CREATE INDEX "registrations_user" ON "registrations" USING btree ("cluster_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_token" ON "registrations" USING btree ("token");--> statement-breakpoint
CREATE INDEX "group_actions_group" ON "group_actions" USING btree ("cluster_id","group_id","position");--> statement-breakpoint
CREATE INDEX "working_group_members_member" ON "working_group_members" USING btree ("cluster_id","member_id");--> statement-breakpoint
CREATE INDEX "working_groups_cluster" ON "working_groups" USING btree ("cluster_id","status");--> statement-breakpoint
CREATE INDEX "need_supporters_member" ON "need_supporters" USING btree ("cluster_id","member_id");--> statement-breakpoint
CREATE INDEX "needs_cluster_status" ON "needs" USING btree ("cluster_id","status","created_at");--> statement-breakpoint
CREATE INDEX "outbox_cluster_created" ON "outbox" USING btree ("cluster_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_status" ON "outbox" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_dedupe" ON "outbox" USING btree ("cluster_id","dedupe_key");--> statement-breakpoint
CREATE POLICY "contacts_tenant_isolation" ON "contacts" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "follow_ups_tenant_isolation" ON "follow_ups" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "documents_tenant_isolation" ON "documents" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "calendar_feeds_tenant_isolation" ON "calendar_feeds" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "event_occurrences_tenant_isolation" ON "event_occurrences" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "events_tenant_isolation" ON "events" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "registrations_tenant_isolation" ON "registrations" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "group_actions_tenant_isolation" ON "group_actions" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "working_group_members_tenant_isolation" ON "working_group_members" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "working_groups_tenant_isolation" ON "working_groups" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "need_supporters_tenant_isolation" ON "need_supporters" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "needs_tenant_isolation" ON "needs" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "outbox_tenant_isolation" ON "outbox" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);