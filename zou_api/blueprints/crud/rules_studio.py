"""Per-model rules of the CRUD registry for studio-wide data (people, settings, messages...)."""
