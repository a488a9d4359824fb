from django.dispatch import Signal

# Sent after a catalog was brought up to date with its source; kwargs: catalog, counts.
catalog_synced = Signal()

# Sent after a localized draft was built from a catalog; kwargs: catalog, target.
translation_built = Signal()
