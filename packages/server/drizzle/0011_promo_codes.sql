CREATE TABLE `promo_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`specialist_id` text NOT NULL,
	`code` text NOT NULL,
	`code_key` text NOT NULL,
	`kind` text NOT NULL,
	`value` integer NOT NULL,
	`currency` text,
	`service_ids` text,
	`valid_from` integer,
	`valid_until` integer,
	`max_redemptions` integer,
	`max_per_customer` integer,
	`first_booking_only` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`specialist_id`) REFERENCES `specialists`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promo_codes_specialist_key_unique` ON `promo_codes` (`specialist_id`,`code_key`);--> statement-breakpoint
CREATE TABLE `promo_redemptions` (
	`id` text PRIMARY KEY NOT NULL,
	`code_id` text NOT NULL,
	`booking_id` text NOT NULL,
	`customer_email` text NOT NULL,
	`amount_off` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`code_id`) REFERENCES `promo_codes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promo_redemptions_booking_unique` ON `promo_redemptions` (`booking_id`);--> statement-breakpoint
CREATE INDEX `promo_redemptions_code_customer_idx` ON `promo_redemptions` (`code_id`,`customer_email`);--> statement-breakpoint
ALTER TABLE `bookings` ADD `promo_code` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `promo_amount_off` integer;