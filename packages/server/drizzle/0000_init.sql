CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`specialist_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`specialist_id`) REFERENCES `specialists`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_email_unique` ON `accounts` (`email`);--> statement-breakpoint
CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`specialist_id` text NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`secret_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`specialist_id`) REFERENCES `specialists`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_secret_hash_unique` ON `api_keys` (`secret_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_specialist_idx` ON `api_keys` (`specialist_id`);--> statement-breakpoint
CREATE TABLE `booking_events` (
	`id` text PRIMARY KEY NOT NULL,
	`booking_id` text NOT NULL,
	`specialist_id` text NOT NULL,
	`type` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`actor` text NOT NULL,
	`reason` text,
	`data` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `booking_events_booking_idx` ON `booking_events` (`booking_id`,`at`);--> statement-breakpoint
CREATE TABLE `bookings` (
	`id` text PRIMARY KEY NOT NULL,
	`specialist_id` text NOT NULL,
	`service_id` text NOT NULL,
	`status` text NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`duration_minutes` integer NOT NULL,
	`buffer_before` integer DEFAULT 0 NOT NULL,
	`buffer_after` integer DEFAULT 0 NOT NULL,
	`hold_expires_at` integer,
	`client_hash` text,
	`credit_lot_id` text,
	`reschedule_count` integer DEFAULT 0 NOT NULL,
	`specialist_notes` text DEFAULT '' NOT NULL,
	`cancelled_by` text,
	`customer_name` text NOT NULL,
	`customer_email` text NOT NULL,
	`customer_time_zone` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`price` integer NOT NULL,
	`currency` text NOT NULL,
	`manage_token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`cancelled_at` integer,
	`cancellation_reason` text,
	FOREIGN KEY (`specialist_id`) REFERENCES `specialists`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bookings_specialist_time_idx` ON `bookings` (`specialist_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `bookings_service_time_idx` ON `bookings` (`service_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `bookings_held_idx` ON `bookings` (`hold_expires_at`) WHERE status = 'held';--> statement-breakpoint
CREATE INDEX `bookings_active_idx` ON `bookings` (`specialist_id`,`start_at`) WHERE status in ('held', 'confirmed');--> statement-breakpoint
CREATE TABLE `calendar_feeds` (
	`id` text PRIMARY KEY NOT NULL,
	`specialist_id` text NOT NULL,
	`url` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`specialist_id`) REFERENCES `specialists`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `calendar_feeds_specialist_idx` ON `calendar_feeds` (`specialist_id`);--> statement-breakpoint
CREATE TABLE `credit_ledger` (
	`id` text PRIMARY KEY NOT NULL,
	`specialist_id` text NOT NULL,
	`customer_email` text NOT NULL,
	`lot_id` text NOT NULL,
	`kind` text NOT NULL,
	`delta` integer NOT NULL,
	`package_purchase_id` text,
	`booking_id` text,
	`expires_at` integer,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `credit_ledger_customer_idx` ON `credit_ledger` (`specialist_id`,`customer_email`);--> statement-breakpoint
CREATE INDEX `credit_ledger_lot_idx` ON `credit_ledger` (`lot_id`);--> statement-breakpoint
CREATE INDEX `credit_ledger_booking_idx` ON `credit_ledger` (`booking_id`);--> statement-breakpoint
CREATE INDEX `credit_ledger_purchase_idx` ON `credit_ledger` (`package_purchase_id`);--> statement-breakpoint
CREATE INDEX `credit_ledger_grant_expiry_idx` ON `credit_ledger` (`expires_at`) WHERE kind = 'grant';--> statement-breakpoint
CREATE TABLE `date_overrides` (
	`id` text PRIMARY KEY NOT NULL,
	`specialist_id` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`intervals` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`specialist_id`) REFERENCES `specialists`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `date_overrides_specialist_idx` ON `date_overrides` (`specialist_id`,`to_date`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`method` text NOT NULL,
	`path` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer,
	`response_body` text,
	`response_headers` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idempotency_scope_key_unique` ON `idempotency_keys` (`scope`,`key`);--> statement-breakpoint
CREATE INDEX `idempotency_expires_idx` ON `idempotency_keys` (`expires_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`recipient` text NOT NULL,
	`template` text NOT NULL,
	`data` text NOT NULL,
	`booking_id` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `outbox_unsent_idx` ON `outbox` (`sent_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `package_purchases` (
	`id` text PRIMARY KEY NOT NULL,
	`package_id` text NOT NULL,
	`specialist_id` text NOT NULL,
	`customer_email` text NOT NULL,
	`customer_name` text NOT NULL,
	`customer_time_zone` text NOT NULL,
	`status` text NOT NULL,
	`session_count` integer NOT NULL,
	`validity_days` integer NOT NULL,
	`service_ids` text NOT NULL,
	`price` integer NOT NULL,
	`currency` text NOT NULL,
	`access_token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`package_id`) REFERENCES `packages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `package_purchases_customer_idx` ON `package_purchases` (`specialist_id`,`customer_email`);--> statement-breakpoint
CREATE UNIQUE INDEX `package_purchases_token_unique` ON `package_purchases` (`access_token_hash`);--> statement-breakpoint
CREATE TABLE `packages` (
	`id` text PRIMARY KEY NOT NULL,
	`specialist_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`session_count` integer NOT NULL,
	`service_ids` text NOT NULL,
	`price` integer NOT NULL,
	`currency` text NOT NULL,
	`validity_days` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`specialist_id`) REFERENCES `specialists`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `packages_specialist_idx` ON `packages` (`specialist_id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`specialist_id` text NOT NULL,
	`booking_id` text,
	`package_purchase_id` text,
	`provider_payment_id` text,
	`mode` text NOT NULL,
	`status` text NOT NULL,
	`amount` integer NOT NULL,
	`fee_amount` integer NOT NULL,
	`fee_bps` integer NOT NULL,
	`specialist_share` integer NOT NULL,
	`currency` text NOT NULL,
	`customer_email` text NOT NULL,
	`destination_account` text,
	`amount_refunded` integer DEFAULT 0 NOT NULL,
	`fee_refunded` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`succeeded_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`specialist_id`) REFERENCES `specialists`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_provider_unique` ON `payments` (`provider_payment_id`);--> statement-breakpoint
CREATE INDEX `payments_booking_idx` ON `payments` (`booking_id`);--> statement-breakpoint
CREATE INDEX `payments_package_purchase_idx` ON `payments` (`package_purchase_id`);--> statement-breakpoint
CREATE INDEX `payments_specialist_idx` ON `payments` (`specialist_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `platform_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `recurring_availability` (
	`id` text PRIMARY KEY NOT NULL,
	`specialist_id` text NOT NULL,
	`rrule` text NOT NULL,
	`anchor_date` text NOT NULL,
	`start_minute` integer NOT NULL,
	`end_minute` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`specialist_id`) REFERENCES `specialists`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recurring_specialist_idx` ON `recurring_availability` (`specialist_id`);--> statement-breakpoint
CREATE TABLE `refresh_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`family` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `refresh_tokens_hash_unique` ON `refresh_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `refresh_tokens_family_idx` ON `refresh_tokens` (`family`);--> statement-breakpoint
CREATE TABLE `refunds` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_id` text NOT NULL,
	`amount` integer NOT NULL,
	`fee_amount` integer NOT NULL,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`provider_refund_id` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `refunds_payment_idx` ON `refunds` (`payment_id`);--> statement-breakpoint
CREATE INDEX `refunds_due_idx` ON `refunds` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` text PRIMARY KEY NOT NULL,
	`specialist_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`currency` text NOT NULL,
	`durations` text NOT NULL,
	`slot_step` integer,
	`buffer_before` integer DEFAULT 0 NOT NULL,
	`buffer_after` integer DEFAULT 0 NOT NULL,
	`min_notice` integer DEFAULT 0 NOT NULL,
	`max_advance_days` integer,
	`max_per_day` integer,
	`max_per_week` integer,
	`cancel_until_hours` integer DEFAULT 24 NOT NULL,
	`reschedule_until_hours` integer DEFAULT 24 NOT NULL,
	`max_reschedules` integer DEFAULT 2 NOT NULL,
	`full_refund_hours` integer DEFAULT 48 NOT NULL,
	`partial_refund_hours` integer DEFAULT 24 NOT NULL,
	`partial_refund_percent` integer DEFAULT 50 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`specialist_id`) REFERENCES `specialists`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `services_specialist_idx` ON `services` (`specialist_id`,`position`);--> statement-breakpoint
CREATE TABLE `specialists` (
	`id` text PRIMARY KEY NOT NULL,
	`handle` text NOT NULL,
	`name` text NOT NULL,
	`bio` text DEFAULT '' NOT NULL,
	`time_zone` text NOT NULL,
	`currency` text NOT NULL,
	`availability_version` integer DEFAULT 0 NOT NULL,
	`allowed_origins` text DEFAULT '[]' NOT NULL,
	`stripe_account_id` text,
	`stripe_charges_enabled` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `specialists_handle_unique` ON `specialists` (`handle`);--> statement-breakpoint
CREATE TABLE `webhook_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `weekly_hours` (
	`id` text PRIMARY KEY NOT NULL,
	`specialist_id` text NOT NULL,
	`kind` text DEFAULT 'open' NOT NULL,
	`weekday` integer NOT NULL,
	`start_minute` integer NOT NULL,
	`end_minute` integer NOT NULL,
	FOREIGN KEY (`specialist_id`) REFERENCES `specialists`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `weekly_hours_specialist_idx` ON `weekly_hours` (`specialist_id`);