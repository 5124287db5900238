CREATE TABLE `purchase_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`purchase_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`purpose` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_tokens_hash_unique` ON `purchase_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `purchase_tokens_purchase_idx` ON `purchase_tokens` (`purchase_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
-- The outbox carries other domain events than booking changes (a package purchased, credits
-- running low): booking_id and event_id become nullable and purchase_id names the purchase.
-- SQLite cannot drop a NOT NULL, so the table is rebuilt; its rows are copied as they are (the
-- new column starts null: drizzle-kit's copy named it in the SELECT, where it does not exist yet),
-- and every index is made again. No trigger or foreign key refers to the outbox. The PRAGMAs are
-- drizzle-kit's; inside the migration's transaction SQLite ignores them, which is harmless here.
CREATE TABLE `__new_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`topic` text NOT NULL,
	`booking_id` text,
	`specialist_id` text NOT NULL,
	`event_id` text,
	`purchase_id` text,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	`planned_at` integer
);
--> statement-breakpoint
INSERT INTO `__new_outbox`("id", "topic", "booking_id", "specialist_id", "event_id", "payload", "created_at", "planned_at") SELECT "id", "topic", "booking_id", "specialist_id", "event_id", "payload", "created_at", "planned_at" FROM `outbox`;--> statement-breakpoint
DROP TABLE `outbox`;--> statement-breakpoint
ALTER TABLE `__new_outbox` RENAME TO `outbox`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_event_unique` ON `outbox` (`event_id`);--> statement-breakpoint
CREATE INDEX `outbox_booking_idx` ON `outbox` (`booking_id`);--> statement-breakpoint
CREATE INDEX `outbox_purchase_idx` ON `outbox` (`purchase_id`);--> statement-breakpoint
CREATE INDEX `outbox_created_idx` ON `outbox` (`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_unplanned_idx` ON `outbox` (`created_at`) WHERE planned_at is null;--> statement-breakpoint
ALTER TABLE `package_purchases` ADD `customer_locale` text DEFAULT 'en' NOT NULL;