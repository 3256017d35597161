"""The committees' pages: each module asks meetings.access (the permission layer's
seats) before it reads anything."""
