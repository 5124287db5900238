CREATE TABLE `released_handles` (
	`handle` text PRIMARY KEY NOT NULL,
	`specialist_id` text NOT NULL,
	`released_at` integer NOT NULL,
	FOREIGN KEY (`specialist_id`) REFERENCES `specialists`(`id`) ON UPDATE no action ON DELETE cascade
);
