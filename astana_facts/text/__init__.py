"""Source texts: sentences, quotes and their context, and showing invisible characters."""
