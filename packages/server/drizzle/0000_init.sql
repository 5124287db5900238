CREATE TABLE `bookings` (
	`id` text PRIMARY KEY NOT NULL,
	`specialist_id` text NOT NULL,
	`service_id` text NOT NULL,
	`status` text NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`duration_minutes` integer NOT NULL,
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
CREATE INDEX `bookings_active_idx` ON `bookings` (`specialist_id`,`end_at`) WHERE status in ('held', 'confirmed');--> statement-breakpoint
CREATE TABLE `services` (
	`id` text PRIMARY KEY NOT NULL,
	`specialist_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`currency` text NOT NULL,
	`durations` text NOT NULL,
	`slot_step` integer,
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
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `specialists_handle_unique` ON `specialists` (`handle`);--> statement-breakpoint
CREATE TABLE `weekly_hours` (
	`id` text PRIMARY KEY NOT NULL,
	`specialist_id` text NOT NULL,
	`weekday` integer NOT NULL,
	`start_minute` integer NOT NULL,
	`end_minute` integer NOT NULL,
	FOREIGN KEY (`specialist_id`) REFERENCES `specialists`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `weekly_hours_specialist_idx` ON `weekly_hours` (`specialist_id`);