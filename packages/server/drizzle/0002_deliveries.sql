CREATE TABLE `booking_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`booking_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`purpose` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `booking_tokens_hash_unique` ON `booking_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `booking_tokens_booking_idx` ON `booking_tokens` (`booking_id`);--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`outbox_id` text,
	`booking_id` text,
	`specialist_id` text NOT NULL,
	`channel` text NOT NULL,
	`kind` text NOT NULL,
	`recipient` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`data` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`due_at` integer NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer,
	`waits_for` text,
	`last_error` text,
	`provider_ref` text,
	`sent_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_key_unique` ON `deliveries` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `deliveries_due_idx` ON `deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `deliveries_booking_idx` ON `deliveries` (`booking_id`);--> statement-breakpoint
CREATE INDEX `deliveries_specialist_idx` ON `deliveries` (`specialist_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`specialist_id` text NOT NULL,
	`kind` text NOT NULL,
	`booking_id` text,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`data` text NOT NULL,
	`read_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `notifications_specialist_idx` ON `notifications` (`specialist_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `webhook_endpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`specialist_id` text NOT NULL,
	`url` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`event_types` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`secret_sealed` text NOT NULL,
	`previous_secret_sealed` text,
	`previous_secret_until` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `webhook_endpoints_specialist_idx` ON `webhook_endpoints` (`specialist_id`);--> statement-breakpoint
ALTER TABLE `bookings` ADD `customer_locale` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `bookings` ADD `customer_phone` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `sms_consent` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `bookings` ADD `meeting_url` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `meeting_ref` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `invite_sequence` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `planned_at` integer;--> statement-breakpoint
CREATE INDEX `outbox_unplanned_idx` ON `outbox` (`created_at`) WHERE planned_at is null;--> statement-breakpoint
ALTER TABLE `services` ADD `location_kind` text DEFAULT 'video' NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `meeting_provider` text DEFAULT 'jitsi' NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `location_detail` text;--> statement-breakpoint
ALTER TABLE `specialists` ADD `reminder_hours` text DEFAULT '[24,1]' NOT NULL;--> statement-breakpoint
ALTER TABLE `specialists` ADD `notification_email` text;--> statement-breakpoint
ALTER TABLE `specialists` ADD `daily_agenda` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `specialists` ADD `locale` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `specialists` ADD `feed_token_hash` text;--> statement-breakpoint
ALTER TABLE `specialists` ADD `meeting_link` text;