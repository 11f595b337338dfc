"""Reading: records files as strict JSON, validated against the models, with their sites."""
