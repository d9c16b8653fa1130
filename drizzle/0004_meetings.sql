CREATE TABLE "meeting_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"phase" text DEFAULT 'draft' NOT NULL,
	"start_time" text NOT NULL,
	"slot_minutes" integer NOT NULL,
	"slot_count" integer NOT NULL,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tables" integer,
	"categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"allowed_pairs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"time_limit_seconds" integer DEFAULT 10 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_days_event" UNIQUE("event_id")
);
--> statement-breakpoint
ALTER TABLE "meeting_days" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "meeting_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"day_id" uuid NOT NULL,
	"member_id" uuid,
	"person_id" uuid,
	"user_id" text,
	"name" text NOT NULL,
	"company" text NOT NULL,
	"email" text,
	"phone" text,
	"category" text,
	"offers" text DEFAULT '' NOT NULL,
	"seeks" text DEFAULT '' NOT NULL,
	"trade_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"available_from" integer,
	"available_to" integer,
	"stand" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_participants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "meeting_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"day_id" uuid NOT NULL,
	"from_id" uuid NOT NULL,
	"to_id" uuid NOT NULL,
	"priority" smallint NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"forced" boolean DEFAULT false NOT NULL,
	"message" text,
	"created_by" text,
	"responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_requests_pair" UNIQUE("day_id","from_id","to_id")
);
--> statement-breakpoint
ALTER TABLE "meeting_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "meeting_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"day_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"instance" jsonb NOT NULL,
	"schedule" jsonb NOT NULL,
	"weight" double precision NOT NULL,
	"upper_bound" double precision NOT NULL,
	"breaks" integer NOT NULL,
	"stats" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "meeting_schedules_version" UNIQUE("day_id","version")
);
--> statement-breakpoint
ALTER TABLE "meeting_schedules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"day_id" uuid NOT NULL,
	"schedule_id" uuid NOT NULL,
	"a_id" uuid NOT NULL,
	"b_id" uuid NOT NULL,
	"slot" integer NOT NULL,
	"table_number" integer,
	"stand" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"weight" double precision NOT NULL,
	"held" boolean,
	"follow_up" boolean,
	"outcome_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "meetings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "meeting_days" ADD CONSTRAINT "meeting_days_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_day_id_meeting_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."meeting_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_day_id_meeting_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."meeting_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_from_id_meeting_participants_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."meeting_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_to_id_meeting_participants_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."meeting_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_schedules" ADD CONSTRAINT "meeting_schedules_day_id_meeting_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."meeting_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_day_id_meeting_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."meeting_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_schedule_id_meeting_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."meeting_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_a_id_meeting_participants_id_fk" FOREIGN KEY ("a_id") REFERENCES "public"."meeting_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_b_id_meeting_participants_id_fk" FOREIGN KEY ("b_id") REFERENCES "public"."meeting_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_participants_day_member" ON "meeting_participants" USING btree ("day_id","member_id") WHERE member_id is not null;--> statement-breakpoint
CREATE INDEX "meeting_participants_day" ON "meeting_participants" USING btree ("cluster_id","day_id");--> statement-breakpoint
CREATE INDEX "meeting_participants_user" ON "meeting_participants" USING btree ("cluster_id","user_id");--> statement-breakpoint
CREATE INDEX "meeting_requests_day" ON "meeting_requests" USING btree ("cluster_id","day_id","status");--> statement-breakpoint
CREATE INDEX "meetings_schedule" ON "meetings" USING btree ("cluster_id","schedule_id","slot");--> statement-breakpoint
CREATE INDEX "meetings_starts" ON "meetings" USING btree ("cluster_id","starts_at");--> statement-breakpoint
CREATE POLICY "meeting_days_tenant_isolation" ON "meeting_days" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "meeting_participants_tenant_isolation" ON "meeting_participants" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "meeting_requests_tenant_isolation" ON "meeting_requests" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "meeting_schedules_tenant_isolation" ON "meeting_schedules" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "meetings_tenant_isolation" ON "meetings" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);