"""Publishing the built site: its checked address, the installable offline app (web app
manifest and service worker), the pruning that keeps it light, and the archive for USB sticks."""
