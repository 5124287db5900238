CREATE TABLE `account_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`purpose` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_tokens_hash_unique` ON `account_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `account_tokens_account_idx` ON `account_tokens` (`account_id`,`purpose`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `email_verified_at` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `account_id` text;--> statement-breakpoint
ALTER TABLE `specialists` ADD `status` text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE `specialists` ADD `status_changed_at` integer;--> statement-breakpoint
ALTER TABLE `specialists` ADD `status_reason` text;--> statement-breakpoint
-- Accounts made before email verification existed (the demo's, the operator's, every earlier
-- sign-up) count as verified since they were created: no one loses paid bookings by upgrading.
UPDATE `accounts` SET `email_verified_at` = `created_at` WHERE `email_verified_at` IS NULL;
