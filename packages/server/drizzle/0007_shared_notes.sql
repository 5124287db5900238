ALTER TABLE `bookings` ADD `shared_notes` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `recording_url` text;