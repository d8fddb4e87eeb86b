"""Entity roles learned from labelled articles, on top of the portrayal rules' evidence."""
