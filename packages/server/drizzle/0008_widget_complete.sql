CREATE TABLE `customer_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`specialist_id` text NOT NULL,
	`customer_email` text NOT NULL,
	`kind` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`specialist_id`) REFERENCES `specialists`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_tokens_hash_unique` ON `customer_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `customer_tokens_customer_idx` ON `customer_tokens` (`specialist_id`,`customer_email`);--> statement-breakpoint
ALTER TABLE `bookings` ADD `visitor_hash` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `utm` text;