"""Per-model rules of the CRUD registry for production data (projects, entities, tasks...)."""
