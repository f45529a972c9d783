"""Zou's vocabulary, each list written once: entity kinds, production styles, roles, the
values of choice columns. Everything that needs one of these lists imports it from here."""

# Entity types that are not asset types: Zou types their entities by the type's own name
# ("Shot", "ConceptFolder"...), names their events after it ("shot:new", "concept-folder:new")
# and leaves them out of /data/asset-types. Every other entity type is an asset type and its
# entities are "Asset" (events "asset:..."). Entity types themselves always emit "asset-type:...".
TEMPORAL_ENTITY_TYPES = ("Shot", "Scene", "Sequence", "Episode", "Edit", "Concept")  # in init-data order
NON_ASSET_ENTITY_TYPES = TEMPORAL_ENTITY_TYPES + ("ConceptFolder",)
# The default asset types of a new studio.
DEFAULT_ASSET_TYPES = ("Character", "Prop", "Environment", "FX")

PRODUCTION_STYLES = ("2d", "3d", "2d3d", "ar", "vfx", "stop-motion", "motion-design", "archviz", "commercial",
                     "catalog", "immersive", "nft", "video-game", "vr")

# Zou's roles: "user" is an artist.
ROLES = ("admin", "manager", "supervisor", "user", "client", "vendor")
CONTRACT_TYPES = ("open-ended", "fixed-term", "short-term", "freelance", "apprentice", "internship")
TWO_FACTOR_METHODS = ("totp", "email_otp", "fido")

# Budgets and salary scales.
POSITIONS = ("artist", "lead", "supervisor")
SENIORITIES = ("junior", "mid", "senior")

NOTIFICATION_TYPES = ("comment", "mention", "assignation", "reply", "reply-mention", "playlist-ready")
METADATA_DATA_TYPES = ("string", "number", "list", "taglist", "boolean", "checklist")
STATUS_AUTOMATION_FIELDS = ("status", "ready_for")


def entity_kind(entity_type_name):
    """What Zou calls an entity of this type: "Shot", "Sequence", "ConceptFolder"... or "Asset"."""
    return entity_type_name if entity_type_name in NON_ASSET_ENTITY_TYPES else "Asset"


def event_prefix(kind):
    """The prefix of a kind's events: "Asset" -> "asset", "ConceptFolder" -> "concept-folder"."""
    return "".join(f"-{c.lower()}" if c.isupper() and i else c.lower() for i, c in enumerate(kind))
