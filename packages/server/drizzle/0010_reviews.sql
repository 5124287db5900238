CREATE TABLE `reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`booking_id` text NOT NULL,
	`specialist_id` text NOT NULL,
	`rating` integer NOT NULL,
	`text` text NOT NULL,
	`response` text,
	`responded_at` integer,
	`hidden_at` integer,
	`hidden_reason` text,
	`hidden_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`specialist_id`) REFERENCES `specialists`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_booking_unique` ON `reviews` (`booking_id`);--> statement-breakpoint
CREATE INDEX `reviews_specialist_time_idx` ON `reviews` (`specialist_id`,`created_at`,`id`);