CREATE TABLE `email_opt_outs` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`specialist_id` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_opt_outs_unique` ON `email_opt_outs` (`email`,`specialist_id`,`kind`);