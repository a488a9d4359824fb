"""Machine pre-translation through deep-translator: pluggable services, protected markup and
terms, background jobs with progress. See README, “Machine translation”."""
